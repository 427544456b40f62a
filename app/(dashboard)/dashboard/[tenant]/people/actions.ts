"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { signOutEndUser, suspendEndUser, unsuspendEndUser } from "@/lib/data/end-users";
import { personSchema } from "./schemas";

// People: owners and admins suspend, lift and sign out end users; support only looks. memberAction
// re-checks the session, the membership in this tenant and the role on every call (a direct POST
// by a support member is refused like any other); the data layer finds the person only in that
// tenant, so another tenant's end-user id is "not found" like any unknown id.

const NOT_FOUND = "This person could not be found in this help center.";
const peoplePath = (subdomain: string) => `/dashboard/${subdomain}/people`;
const sessions = (count: number) => (count === 1 ? "1 live session" : `${count} live sessions`);

export const suspendPerson = memberAction(SETTINGS_ROLES, personSchema, async ({ endUserId }, member) => {
  const outcome = await suspendEndUser(member.tenant.id, endUserId, new Date(), {
    actor: member,
    describe: (done) =>
      done.ok && (done.changed || done.sessionsEnded > 0) ? { action: "end_user.suspended", details: { endUserId, email: done.email, sessionsEnded: done.sessionsEnded } } : null,
  });
  if (!outcome.ok) return { message: NOT_FOUND };
  const { email, sessionsEnded } = outcome;
  if (!outcome.changed && sessionsEnded === 0) return { ok: true, message: `${email} was already suspended.` };
  revalidatePath(peoplePath(member.tenant.subdomain), "layout");
  return { ok: true, message: `${email} is suspended: ${sessions(sessionsEnded)} ended, and their next sign-in is refused (user_suspended).` };
});

export const liftSuspension = memberAction(SETTINGS_ROLES, personSchema, async ({ endUserId }, member) => {
  const outcome = await unsuspendEndUser(member.tenant.id, endUserId, {
    actor: member,
    describe: (done) => (done.ok && done.changed ? { action: "end_user.unsuspended", details: { endUserId, email: done.email } } : null),
  });
  if (!outcome.ok) return { message: NOT_FOUND };
  if (!outcome.changed) return { ok: true, message: `${outcome.email} was not suspended.` };
  revalidatePath(peoplePath(member.tenant.subdomain), "layout");
  return { ok: true, message: `Suspension lifted: ${outcome.email} can sign in again.` };
});

export const signOutEverywhere = memberAction(SETTINGS_ROLES, personSchema, async ({ endUserId }, member) => {
  const outcome = await signOutEndUser(member.tenant.id, endUserId, new Date(), {
    actor: member,
    describe: (done) => (done.ok && done.sessionsEnded > 0 ? { action: "end_user.signed_out", details: { endUserId, email: done.email, sessionsEnded: done.sessionsEnded } } : null),
  });
  if (!outcome.ok) return { message: NOT_FOUND };
  const { email, sessionsEnded } = outcome;
  if (sessionsEnded === 0) return { ok: true, message: `${email} had no live sessions: nothing to end.` };
  revalidatePath(peoplePath(member.tenant.subdomain), "layout");
  return { ok: true, message: `${email} is signed out everywhere: ${sessions(sessionsEnded)} ended. They can sign in again.` };
});
