import { z } from "zod";
import { parseGroupList } from "@/lib/content/groups";
import {
  ARTICLE_BODY_MAX_BYTES,
  ARTICLE_TITLE_MAX,
  CATEGORY_DESCRIPTION_MAX,
  CATEGORY_POSITION_MAX,
  CATEGORY_TITLE_MAX,
  formatKilobytes,
  utf8Bytes,
} from "@/lib/content/limits";
import { slugProblem } from "@/lib/content/slug";

// What the content forms may submit. Every limit here is the real one; the forms only mirror them.

// PostgreSQL text cannot hold NUL, and control characters in a title are never intended.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const title = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Give the ${what} a title.`)
    .max(max, `Keep the title under ${max + 1} characters.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Titles cannot contain control characters.");

const slug = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = slugProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** Row ids travel in hidden fields; the data layer answers "not found" for anything that is not one of this tenant's. */
const id = z.string().max(100);

/** When the editor opened the form (the row's updatedAt), so a colleague's later save is not overwritten. */
const version = z.iso.datetime().transform((value) => new Date(value));

export const categorySchema = z.object({
  title: title(CATEGORY_TITLE_MAX, "category"),
  slug,
  description: z
    .string()
    .trim()
    .max(CATEGORY_DESCRIPTION_MAX, `Keep the description under ${CATEGORY_DESCRIPTION_MAX + 1} characters.`)
    .refine((value) => !value.includes("\u0000"), "The description cannot contain NUL characters.")
    .default(""),
  position: z.coerce
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(0, `Use a position from 0 to ${CATEGORY_POSITION_MAX}.`)
    .max(CATEGORY_POSITION_MAX, `Use a position from 0 to ${CATEGORY_POSITION_MAX}.`),
});

export const articleSchema = z.object({
  categoryId: z.string().min(1, "Choose a category.").max(100),
  title: title(ARTICLE_TITLE_MAX, "article"),
  slug,
  // Browsers submit textarea line breaks as CRLF; stored as LF so sizes and diffs are the editor's.
  body: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .superRefine((value, context) => {
      if (value.includes("\u0000")) context.addIssue({ code: "custom", message: "The body cannot contain NUL characters." });
      const bytes = utf8Bytes(value);
      if (bytes > ARTICLE_BODY_MAX_BYTES) {
        context.addIssue({
          code: "custom",
          message: `The body is ${formatKilobytes(bytes)}; the limit is ${formatKilobytes(ARTICLE_BODY_MAX_BYTES)}. Split it into several articles.`,
        });
      }
    }),
  // A checkbox: present ("on") when ticked, absent otherwise.
  published: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  requiredGroups: z
    .string()
    .default("")
    .transform((text, context) => {
      const parsed = parseGroupList(text);
      if (parsed.ok) return parsed.groups;
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
});

export const updateCategorySchema = categorySchema.extend({ id, version });
export const updateArticleSchema = articleSchema.extend({ id, version });
export const deleteSchema = z.object({ id });

export type CategoryField = keyof z.input<typeof categorySchema>;
export type ArticleField = keyof z.input<typeof articleSchema>;
