"use server";

import { refresh } from "next/cache";
import type { ActionState } from "@/lib/auth/member-action";
import { addEndUserReply, createSupportRequest } from "@/lib/data/support-requests";
import { endUserReplySchema, fieldErrorsOf, newRequestSchema } from "@/lib/requests/schemas";
import { actingRequester } from "./requester";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

// End users' actions on /requests. Each one finds the host's tenant and the session itself (an
// action is reachable by a direct POST, whatever the page checked), and every write is scoped to
// that tenant and that end user in lib/data/support-requests.

export type RequestFormState = ActionState<"subject" | "message"> & { requestId?: string; signedOut?: boolean };
export type ReplyFormState = ActionState<"body"> & { signedOut?: boolean };

const SIGNED_OUT = "Your session has ended. Sign in again and send it once more: what you typed is still here.";
const NOT_FOUND = "This request could not be found.";

function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function raiseRequest(_previous: RequestFormState, form: FormData): Promise<RequestFormState> {
  const values = { subject: textOf(form, "subject"), message: textOf(form, "message") };
  const requester = await actingRequester();
  if (!requester) return { message: SIGNED_OUT, signedOut: true, values };
  const parsed = newRequestSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: FIELDS_NEED_ATTENTION, values };

  // The hourly limit is counted and the request written under one lock (lib/data/support-requests.ts).
  const outcome = await createSupportRequest(requester.tenant.id, requester.user.id, parsed.data);
  if (!outcome.ok) {
    return { message: "You have raised many requests in the last hour. Please wait a while, or add to one of your open requests.", values };
  }
  refresh();
  return { ok: true, message: "Your request has been sent. We will reply on its page.", requestId: outcome.id };
}

const REPLY_REFUSED = {
  closed: "This request has been closed, so it takes no more replies. Raise a new request if you still need help.",
  not_found: NOT_FOUND,
  too_many: "You have sent many replies in the last hour. Please wait a while before sending more: what you typed is still here.",
} as const;

export async function replyToOwnRequest(requestId: string, _previous: ReplyFormState, form: FormData): Promise<ReplyFormState> {
  const values = { body: textOf(form, "body") };
  const requester = await actingRequester();
  if (!requester) return { message: SIGNED_OUT, signedOut: true, values };
  const parsed = endUserReplySchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: "Your reply needs attention.", values };

  // The id is bound by the page but comes back from the browser: the data layer only ever finds
  // it among this end user's own requests.
  const outcome = await addEndUserReply(requester.tenant.id, requester.user.id, String(requestId), parsed.data.body);
  if (!outcome.ok) {
    return { message: REPLY_REFUSED[outcome.reason], values };
  }
  refresh();
  return { ok: true, message: outcome.previousStatus === "answered" ? "Reply sent. Your request is open again." : "Reply sent." };
}
