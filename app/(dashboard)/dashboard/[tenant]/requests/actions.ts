"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { REQUEST_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { replyAsStaff, setRequestStatus } from "@/lib/data/support-requests";
import { STATUS_LABELS } from "@/lib/requests/display";
import { staffReplySchema, statusChangeSchema } from "@/lib/requests/schemas";

// Staff answer end users' requests. memberAction re-checks the session, the membership in this
// tenant and a request role on every call; the data layer finds the request only in that tenant,
// so another tenant's request id is "not found" like any unknown id.

const NOT_FOUND = "This request could not be found in this help center.";
const requestsPath = (subdomain: string) => `/dashboard/${subdomain}/requests`;

export const replyToRequest = memberAction(REQUEST_ROLES, staffReplySchema, async ({ requestId, body, status }, member) => {
  const outcome = await replyAsStaff(member.tenant.id, member.userId, requestId, { body, status });
  if (!outcome.ok) return { message: NOT_FOUND };
  await recordAudit(member.tenant.id, member, "request.replied", { requestId, from: outcome.previousStatus, to: outcome.status });
  revalidatePath(requestsPath(member.tenant.subdomain), "layout");
  return { ok: true, message: `Reply sent. The request is now ${STATUS_LABELS[outcome.status].toLowerCase()}.` };
});

export const changeRequestStatus = memberAction(REQUEST_ROLES, statusChangeSchema, async ({ requestId, status }, member) => {
  const outcome = await setRequestStatus(member.tenant.id, requestId, status);
  if (!outcome.ok) return { message: NOT_FOUND };
  const label = STATUS_LABELS[outcome.status].toLowerCase();
  if (outcome.previousStatus === outcome.status) return { ok: true, message: `The request was already ${label}.` };
  await recordAudit(member.tenant.id, member, "request.status_changed", { requestId, from: outcome.previousStatus, to: outcome.status });
  revalidatePath(requestsPath(member.tenant.subdomain), "layout");
  return { ok: true, message: `Status changed to ${label}.` };
});
