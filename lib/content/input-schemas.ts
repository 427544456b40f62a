import { z } from "zod";
import { parseGroupList } from "./groups";
import {
  ARTICLE_BODY_MAX_BYTES,
  ARTICLE_TITLE_MAX,
  CATEGORY_DESCRIPTION_MAX,
  CATEGORY_POSITION_MAX,
  CATEGORY_TITLE_MAX,
  formatKilobytes,
  utf8Bytes,
} from "./limits";
import { slugProblem } from "./slug";
import { CONTROL_CHARACTERS } from "@/lib/text/control-characters";

// What the dashboard's content forms may submit, checked on the server (the forms only mirror the
// limits for feedback while typing). Pure: no next/*, no Prisma; unit-tested alone.

// PostgreSQL text cannot hold NUL, and control characters in a title are never intended.

const title = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Give the ${what} a title.`)
    .max(max, `The title can be at most ${max} characters.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Titles cannot contain control characters.");

const slug = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = slugProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const categoryInputSchema = z.object({
  title: title(CATEGORY_TITLE_MAX, "category"),
  slug,
  description: z
    .string()
    .trim()
    .max(CATEGORY_DESCRIPTION_MAX, `The description can be at most ${CATEGORY_DESCRIPTION_MAX} characters.`)
    .refine((value) => !value.includes("\u0000"), "The description cannot contain NUL characters.")
    .default(""),
  // Digits only: z.coerce would read an emptied field as 0 and "1e3" as 1000.
  position: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, `Enter a whole number from 0 to ${CATEGORY_POSITION_MAX}.`)
    .transform(Number)
    .pipe(z.number().max(CATEGORY_POSITION_MAX, `Enter a whole number from 0 to ${CATEGORY_POSITION_MAX}.`)),
});

export const articleInputSchema = z.object({
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
