"use client";

import { useEffect, useRef } from "react";
import { FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/textarea-field";
import type { ActionState } from "@/lib/auth/member-action";
import { MESSAGE_MAX, type RequestStatus } from "@/lib/requests/schemas";
import type { RequestFormProps } from "./request-forms";
import { StatusSelect } from "./status-select";
import { SubmitButton } from "@/components/submit-button";

export type ReplyState = ActionState<"body" | "status" | "requestId">;

// The action's state lives in RequestForms, which knows whether this form answered last: its
// confirmation is shown only then (a later status change may have made it untrue).
export function StaffReplyForm({ requestId, state, action, pending, current }: RequestFormProps<ReplyState>) {
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, take keyboard and screen-reader users to the field that needs fixing.
  useEffect(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(), [state]);
  const values = state.ok ? undefined : state.values;

  return (
    <section aria-labelledby="reply-heading" className="rounded-lg border border-slate-200 p-5">
      <h2 id="reply-heading" className="text-lg font-semibold">Reply</h2>
      <form ref={form} action={action} className="mt-3 space-y-4" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <TextAreaField id="body" label="Reply to the requester" required maxLength={MESSAGE_MAX} defaultValue={values?.body} error={state.fieldErrors?.body}
          hint="They see it on their request page, with your name." />
        <StatusSelect id="reply-status" label="Status after sending" defaultValue={(values?.status as RequestStatus | undefined) ?? "answered"} error={state.fieldErrors?.status} />
        <FormMessage message={state.ok ? undefined : (state.fieldErrors?.requestId ?? state.message)} />
        {state.ok && current && <FormMessage tone="success" message={state.message} />}
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Sending…" : "Send reply"}
        </SubmitButton>
      </form>
    </section>
  );
}
