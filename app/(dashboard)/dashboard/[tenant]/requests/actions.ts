"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { REQUEST_ROLES } from "@/lib/auth/require-member";
import { replyAsStaff, setRequestStatus } from "@/lib/data/support-requests";
import { STATUS_LABELS } from "@/lib/requests/display";
import { staffReplySchema, statusChangeSchema } from "@/lib/requests/schemas";

// Staff answer end users' requests. memberAction re-checks the session, the membership in this
// tenant and a request role on every call; the data layer finds the request only in that tenant,
// so another tenant's request id is "not found" like any unknown id.

const NOT_FOUND = "This request could not be found in this help center.";
const requestsPath = (subdomain: string) => `/dashboard/${subdomain}/requests`;

export const replyToRequest = memberAction(REQUEST_ROLES, staffReplySchema, async ({ requestId, body, status }, member) => {
  const outcome = await replyAsStaff(member.tenant.id, member.userId, requestId, { body, status }, new Date(), {
    actor: member,
    describe: (replied) => (replied.ok ? { action: "request.replied", details: { subject: replied.subject, requestId, from: replied.previousStatus, to: replied.status } } : null),
  });
  if (!outcome.ok) return { message: NOT_FOUND };
  revalidatePath(requestsPath(member.tenant.subdomain), "layout");
  return { ok: true, message: `Reply sent. The request is now ${STATUS_LABELS[outcome.status].toLowerCase()}.` };
});

export const changeRequestStatus = memberAction(REQUEST_ROLES, statusChangeSchema, async ({ requestId, status }, member) => {
  const outcome = await setRequestStatus(member.tenant.id, requestId, status, new Date(), {
    actor: member,
    describe: (set) =>
      set.ok && set.previousStatus !== set.status ? { action: "request.status_changed", details: { subject: set.subject, requestId, from: set.previousStatus, to: set.status } } : null,
  });
  if (!outcome.ok) return { message: NOT_FOUND };
  const label = STATUS_LABELS[outcome.status].toLowerCase();
  if (outcome.previousStatus === outcome.status) return { ok: true, message: `The request was already ${label}.` };
  revalidatePath(requestsPath(member.tenant.subdomain), "layout");
  return { ok: true, message: `Status changed to ${label}.` };
});
