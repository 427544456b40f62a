"use client";

import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import type { RequestStatus } from "@/lib/requests/schemas";
import type { RequestFormProps } from "./request-forms";
import { StatusSelect } from "./status-select";
import { SubmitButton } from "@/components/submit-button";

export type StatusState = ActionState<"status" | "requestId">;

// Changing the status without replying, e.g. closing a request that needs nothing more. The
// action's state lives in RequestForms: the confirmation is shown only while this form answered last.
export function StatusForm({ requestId, status, state, action, pending, current }: RequestFormProps<StatusState> & { status: RequestStatus }) {
  return (
    <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 p-5">
      <h2 id="status-heading" className="text-lg font-semibold">Status</h2>
      {/* Keyed by the saved status: after a change elsewhere (a reply) the select shows it. */}
      <form key={status} action={action} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <div className="min-w-64 flex-1">
          <StatusSelect id="status" label="Request status" defaultValue={status} error={state.fieldErrors?.status} />
        </div>
        <SubmitButton pending={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 aria-disabled:opacity-60">
          {pending ? "Saving…" : "Update status"}
        </SubmitButton>
      </form>
      <div className="mt-3">
        <FormMessage message={state.ok ? undefined : (state.fieldErrors?.requestId ?? state.message)} />
        {state.ok && current && <FormMessage tone="success" message={state.message} />}
      </div>
    </section>
  );
}
