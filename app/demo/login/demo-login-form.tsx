"use client";

import { useActionState } from "react";
import { demoSignIn, type DemoSignInState } from "./actions";
import { SubmitButton } from "@/components/submit-button";

export function DemoLoginForm({ keyParam, returnTo }: { keyParam: string; returnTo: string }) {
  const [state, action, pending] = useActionState<DemoSignInState, FormData>(demoSignIn, {});
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="key" value={keyParam} />
      <input type="hidden" name="return_to" value={returnTo} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? "ada@acme.test"}
          aria-invalid={Boolean(state.fieldErrors?.email)} aria-describedby="email-error"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        {state.fieldErrors?.email && <p id="email-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.email}</p>}
      </div>
      <div>
        <label htmlFor="name" className="block text-sm font-medium">Name</label>
        <input id="name" name="name" autoComplete="name" required defaultValue={state.values?.name ?? "Ada Lovelace"}
          aria-invalid={Boolean(state.fieldErrors?.name)} aria-describedby="name-error"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        {state.fieldErrors?.name && <p id="name-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.name}</p>}
      </div>
      {state.message && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}
      <SubmitButton pending={pending}
        className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 aria-disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in to Acme"}
      </SubmitButton>
    </form>
  );
}
