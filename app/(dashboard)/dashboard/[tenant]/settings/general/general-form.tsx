"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { saveGeneralSettings } from "./actions";

export function GeneralForm({ subdomain, name, address }: { subdomain: string; name: string; address: string }) {
  const [state, action, pending] = useActionState<ActionState<"name">, FormData>(saveGeneralSettings.bind(null, subdomain), {});
  return (
    <form action={action} className="mt-6 max-w-lg space-y-4" noValidate>
      <FormField id="name" label="Help center name" defaultValue={state.ok ? name : (state.values?.name ?? name)} required error={state.fieldErrors?.name} />
      <FormField id="address" label="Address" value={address} readOnly hint="The subdomain is chosen at sign-up." />
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
