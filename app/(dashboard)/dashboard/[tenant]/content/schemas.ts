import { z } from "zod";
import { articleInputSchema, categoryInputSchema } from "@/lib/content/input-schemas";

// What the content forms and delete buttons submit: the fields (lib/content/input-schemas.ts, where
// every limit is checked) plus, for an existing item, its id and the version the editor opened.

/** Row ids travel in hidden fields; the data layer answers "not found" for anything that is not one of this tenant's. */
const id = z.string().max(100);

/** When the editor opened the form (the row's updatedAt), so a colleague's later save is not overwritten. */
const version = z.iso.datetime().transform((value) => new Date(value));

export const categorySchema = categoryInputSchema;
export const articleSchema = articleInputSchema;
export const updateCategorySchema = categorySchema.extend({ id, version });
export const updateArticleSchema = articleSchema.extend({ id, version });
export const deleteSchema = z.object({ id });

export type CategoryField = keyof z.input<typeof categorySchema>;
export type ArticleField = keyof z.input<typeof articleSchema>;
