"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { saveGeneralSettings } from "./actions";
import { SubmitButton } from "@/components/submit-button";

export function GeneralForm({ subdomain, name, address, logRetentionDays }: { subdomain: string; name: string; address: string; logRetentionDays: number }) {
  const [state, action, pending] = useActionState<ActionState<"name" | "logRetentionDays">, FormData>(saveGeneralSettings.bind(null, subdomain), {});
  return (
    <form action={action} className="mt-6 max-w-lg space-y-4" noValidate>
      <FormField id="name" label="Help center name" defaultValue={state.ok ? name : (state.values?.name ?? name)} required error={state.fieldErrors?.name} />
      {/* Not a setting: shown as text (selectable, under its label), not as a field that looks editable. */}
      <dl>
        <dt className="text-sm font-medium text-slate-800">Address</dt>
        <dd className="mt-1 text-sm break-all text-slate-900">{address}</dd>
        <dd className="mt-1 text-xs text-slate-500">The subdomain is chosen at sign-up.</dd>
      </dl>
      <FormField id="logRetentionDays" label="Keep sign-in logs for (days)" type="number" inputMode="numeric" min={1} max={3650} required
        defaultValue={state.ok ? logRetentionDays : (state.values?.logRetentionDays ?? logRetentionDays)} error={state.fieldErrors?.logRetentionDays}
        hint="Older events are deleted automatically. 1 to 3650 days; 30 by default." />
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </SubmitButton>
    </form>
  );
}
