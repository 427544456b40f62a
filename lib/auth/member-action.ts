import "server-only";
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { MemberRole } from "@/lib/data/memberships";
import { requireMember, type SignedInMember } from "./require-member";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

// The one wrapper every dashboard server action goes through: actions are reachable by a direct
// POST, so each re-checks the session, the membership in *that* tenant and the role itself, then
// parses its input with zod. Returns what useActionState needs, a failure of ours included.

export interface ActionState<F extends string = string> {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<F, string>>;
  /** the submitted text fields, so a refused form can show them again (React resets forms) */
  values?: Record<string, string>;
}

export function memberAction<S extends z.ZodType, F extends string>(
  roles: readonly MemberRole[],
  schema: S,
  /** `form` is the raw submission, for a refusal that puts the typed values back (submittedTextFields) */
  handler: (input: z.infer<S>, member: SignedInMember, form: FormData) => Promise<ActionState<F>>,
) {
  return async (subdomain: string, _previous: ActionState<F>, form: FormData): Promise<ActionState<F>> => {
    const member = await requireMember(String(subdomain), roles);
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages?.[0]])) as Partial<Record<F, string>>;
      return { fieldErrors, message: FIELDS_NEED_ATTENTION, values: submittedTextFields(form) };
    }
    try {
      return await handler(parsed.data, member, form);
    } catch (error) {
      // redirect(), notFound() and forbidden() work by throwing: they are answers, not failures.
      unstable_rethrow(error);
      return unexpectedFailure(error, form);
    }
  };
}

/**
 * A failure of ours (the database unreachable, an audit entry that could not be written): logged
 * under a reference the admin can quote, and told to them beside the form they filled in, instead
 * of the framework's bare error screen. Their typed values stay in the form.
 */
function unexpectedFailure<F extends string>(error: unknown, form: FormData): ActionState<F> {
  const reference = randomBytes(4).toString("hex");
  // The error itself, with its cause (an AuditWriteError wraps the database's): the reference must
  // lead to why it failed. Nothing secret reaches it: secrets are stored as ciphertext only.
  console.error(`[dashboard action] failure ${reference}:`, error);
  return {
    message: `Something went wrong on our side (reference ${reference}). Reload the page to see what was saved, then try again.`,
    values: submittedTextFields(form),
  };
}

/** The form's text fields, minus anything secret, to put back after a refusal. */
export function submittedTextFields(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$") && !/secret|password/i.test(name)) values[name] = value;
  }
  return values;
}
