"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { currentUserId } from "@/lib/auth/require-member";
import { acceptInvite, acceptInviteWithNewAccount, findUsableInvite } from "@/lib/data/members";
import type { AuditEntry } from "@/lib/data/audit";
import { isCleanText, uncleanTextMessage } from "@/lib/text/control-characters";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

export interface AcceptState {
  ok?: boolean;
  subdomain?: string;
  message?: string;
  fieldErrors?: { name?: string; password?: string };
  /** what was typed, given back so a refusal does not clear it (never the password) */
  values?: { name?: string };
}

/** The trail's line for a join: the new member is its own actor. */
const joinedEntry = (acceptance: { ok: boolean }): AuditEntry | null => (acceptance.ok ? { action: "member.joined" } : null);

const INVALID = "This invite link is invalid, expired or already used. Ask for a new one.";

/** A signed-in user accepts the invite made for their email. */
export async function acceptAsSignedInUser(token: string): Promise<AcceptState> {
  const user = await currentUserId();
  if (!user) return { message: "Sign in first." };
  const result = await acceptInvite(String(token), user, new Date(), { actor: { userId: user.id, email: user.email }, describe: joinedEntry });
  if (!result.ok) return { message: result.reason === "email" ? "This invite was made for another email address." : INVALID };
  redirect(`/dashboard/${result.subdomain}`);
}

const newAccountSchema = z.object({
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024),
  name: z.string().trim().max(200, "Your name can be at most 200 characters.").refine(isCleanText, uncleanTextMessage("name")).optional(),
});

/** Someone without an account creates one for the invite's email and joins. */
export async function acceptWithNewAccount(token: string, _previous: AcceptState, form: FormData): Promise<AcceptState> {
  const invite = await findUsableInvite(String(token));
  if (!invite) return { message: INVALID };
  const typedName = form.get("name");
  const values = { name: typeof typedName === "string" ? typedName.slice(0, 200) : undefined };
  const parsed = newAccountSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { name: errors.name?.[0], password: errors.password?.[0] }, message: FIELDS_NEED_ATTENTION, values };
  }
  // The account, the use of the invite and the membership commit together: a join that fails leaves no account.
  const account = { name: parsed.data.name || invite.email.split("@")[0]!, passwordHash: await hashPassword(parsed.data.password) };
  const result = await acceptInviteWithNewAccount(String(token), account, new Date(), joinedEntry);
  if (!result.ok) return result.reason === "account_exists" ? { message: "This email already has an account: sign in to accept the invite.", values } : { message: INVALID };
  return { ok: true, subdomain: result.subdomain };
}
