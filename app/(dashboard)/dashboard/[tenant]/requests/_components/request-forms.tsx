"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import type { RequestStatus } from "@/lib/requests/schemas";
import { changeRequestStatus, replyToRequest } from "../actions";
import { StaffReplyForm, type ReplyState } from "./staff-reply-form";
import { StatusForm, type StatusState } from "./status-form";

/**
 * Which of several action states changed last. A state is a new object each time its action
 * answers, so comparing with the ones seen at the previous render tells which form answered last.
 */
function useLastAnswered<K extends string>(states: Record<K, unknown>): K | null {
  const [seen, setSeen] = useState<{ states: Record<K, unknown>; last: K | null }>({ states, last: null });
  const changed = (Object.keys(states) as K[]).find((key) => states[key] !== seen.states[key]);
  if (changed === undefined) return seen.last;
  setSeen({ states, last: changed });
  return changed;
}

// The reply and the status forms of one request. Both change the request's status, so only the
// form that answered last confirms what it did: "Reply sent. The request is now answered." must
// not stay beside a later "Status changed to closed." (or the other way round) and contradict it.
// The forms' errors stay where they are: they do not claim anything about the request.
export function RequestForms({ subdomain, requestId, status }: { subdomain: string; requestId: string; status: RequestStatus }) {
  const [replyState, replyAction, replyPending] = useActionState<ReplyState, FormData>(replyToRequest.bind(null, subdomain), {});
  const [statusState, statusAction, statusPending] = useActionState<StatusState, FormData>(changeRequestStatus.bind(null, subdomain), {});
  const last = useLastAnswered<"reply" | "status">({ reply: replyState, status: statusState });
  return (
    <>
      <StaffReplyForm requestId={requestId} state={replyState} action={replyAction} pending={replyPending} current={last === "reply"} />
      <StatusForm requestId={requestId} status={status} state={statusState} action={statusAction} pending={statusPending} current={last === "status"} />
    </>
  );
}

/** What each form is given: its action's state, the action, whether it is being sent, and whether it answered last. */
export interface RequestFormProps<S extends ActionState> {
  requestId: string;
  state: S;
  action: (form: FormData) => void;
  pending: boolean;
  current: boolean;
}
