"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import type { RequestStatus } from "@/lib/requests/schemas";
import { changeRequestStatus } from "../actions";
import { StatusSelect } from "./status-select";
import { SubmitButton } from "@/components/submit-button";

// Changing the status without replying, e.g. closing a request that needs nothing more.
export function StatusForm({ subdomain, requestId, status }: { subdomain: string; requestId: string; status: RequestStatus }) {
  const [state, action, pending] = useActionState<ActionState<"status" | "requestId">, FormData>(changeRequestStatus.bind(null, subdomain), {});
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
        {state.ok && <FormMessage tone="success" message={state.message} />}
      </div>
    </section>
  );
}
