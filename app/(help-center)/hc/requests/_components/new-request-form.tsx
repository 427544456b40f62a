"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/textarea-field";
import { MESSAGE_MAX, SUBJECT_MAX } from "@/lib/requests/schemas";
import { raiseRequest, type RequestFormState } from "../actions";
import { SubmitButton } from "@/components/submit-button";

export function NewRequestForm({ signInHref }: { signInHref: string }) {
  const [state, action, pending] = useActionState<RequestFormState, FormData>(raiseRequest, {});
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, take keyboard and screen-reader users to the first field that needs fixing.
  useEffect(() => form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(), [state]);
  const values = state.ok ? undefined : state.values;

  return (
    <section aria-labelledby="new-request-heading" className="rounded-lg border border-slate-200 p-5">
      <h2 id="new-request-heading" className="text-lg font-semibold">New request</h2>
      <form ref={form} action={action} className="mt-3 space-y-4" noValidate>
        <FormField id="subject" label="Subject" required maxLength={SUBJECT_MAX} defaultValue={values?.subject} error={state.fieldErrors?.subject} />
        <TextAreaField
          id="message"
          label="Message"
          required
          maxLength={MESSAGE_MAX}
          defaultValue={values?.message}
          error={state.fieldErrors?.message}
          hint={`What happened, and what you expected. At most ${MESSAGE_MAX.toLocaleString("en")} characters.`}
        />
        <FormMessage message={state.ok ? undefined : state.message} />
        {state.signedOut && (
          <p className="text-sm">
            <a href={signInHref} className="font-medium text-brand-700 underline">Sign in again</a>
          </p>
        )}
        {state.ok && (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {state.message}{" "}
            {state.requestId && <Link href={`/requests/${state.requestId}`} className="font-medium underline">View your request</Link>}
          </p>
        )}
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Sending…" : "Send request"}
        </SubmitButton>
      </form>
    </section>
  );
}
