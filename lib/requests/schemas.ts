import { z } from "zod";
import { isUuid } from "@/lib/uuid";

// What end users and staff may submit on the requests portal. One set of rules for both sides, so
// the help-center form, the dashboard form and the server actions agree on every limit.

export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 10_000;

export const REQUEST_STATUSES = ["open", "answered", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// PostgreSQL text cannot hold NUL: refuse it here with a field error instead of a 500 on insert.
const NO_NUL = /^[^\u0000]*$/;

const capitalized = (field: string) => `${field.charAt(0).toUpperCase()}${field.slice(1)}`;

/** Required text, trimmed; `field` names it in messages ("the subject"), `empty` asks for it. */
function text(field: string, empty: string, max: number) {
  return z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(max, `${capitalized(field)} can be at most ${max.toLocaleString("en")} characters.`)
    .regex(NO_NUL, `Remove the invalid character from ${field}.`);
}

const requestId = z.string().refine(isUuid, "This request could not be found.");
const status = z.enum(REQUEST_STATUSES, { error: "Choose open, answered or closed." });

/** A new request from the help center's /requests page. */
export const newRequestSchema = z.object({
  subject: text("the subject", "Enter a subject.", SUBJECT_MAX),
  message: text("your message", "Describe what you need help with.", MESSAGE_MAX),
});

/** An end user's reply on their own request. */
export const endUserReplySchema = z.object({ body: text("your reply", "Write your reply.", MESSAGE_MAX) });

/** A staff reply; it marks the request answered unless the member picks another status. */
export const staffReplySchema = z.object({
  requestId,
  body: text("the reply", "Write a reply.", MESSAGE_MAX),
  status: status.default("answered"),
});

/** A staff status change without a reply (e.g. closing a request that needs nothing more). */
export const statusChangeSchema = z.object({ requestId, status });

/** Ids come from URLs: anything that is not a UUID is simply not found (the column is uuid). */
export const isRequestId = isUuid;

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** The first message per field of a failed parse, for a form's field errors. */
export function fieldErrorsOf<F extends string>(error: z.ZodError): Partial<Record<F, string>> {
  const errors = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages?.[0]])) as Partial<Record<F, string>>;
}
