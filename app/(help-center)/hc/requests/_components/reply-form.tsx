"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/textarea-field";
import { MESSAGE_MAX } from "@/lib/requests/schemas";
import { replyToOwnRequest, type ReplyFormState } from "../actions";
import { SubmitButton } from "@/components/submit-button";

export function ReplyForm({ requestId, reopens, signInHref }: { requestId: string; reopens: boolean; signInHref: string }) {
  const [state, action, pending] = useActionState<ReplyFormState, FormData>(replyToOwnRequest.bind(null, requestId), {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(), [state]);

  return (
    <form ref={form} action={action} className="space-y-3" noValidate aria-labelledby="reply-heading">
      <h2 id="reply-heading" className="text-lg font-semibold">Reply</h2>
      <TextAreaField
        id="body"
        label="Your reply"
        required
        rows={5}
        maxLength={MESSAGE_MAX}
        defaultValue={state.ok ? "" : state.values?.body}
        error={state.fieldErrors?.body}
        hint={reopens ? "Replying opens the request again, so we see it needs more help." : undefined}
      />
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.signedOut && (
        <p className="text-sm">
          <a href={signInHref} className="font-medium text-brand-700 underline">Sign in again</a>
        </p>
      )}
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Sending…" : "Send reply"}
      </SubmitButton>
    </form>
  );
}
