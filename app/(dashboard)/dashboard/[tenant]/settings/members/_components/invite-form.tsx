"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/copy-button";
import { FormField, FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { inviteMember } from "../actions";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";

type InviteState = ActionState<"email" | "role"> & { link?: string };

export function InviteForm({ subdomain, canInviteOwners }: { subdomain: string; canInviteOwners: boolean }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteMember.bind(null, subdomain), {});
  // A refusal focuses the field to fix; the form's message (role="alert") says that something did.
  const formRef = useFocusFirstError(state.fieldErrors);
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 p-5">
      <h2 id="invite-heading" className="text-lg font-semibold">Invite someone</h2>
      <form ref={formRef} action={action} className="mt-3 grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <FormField id="email" label="Email" type="email" required defaultValue={state.ok ? "" : state.values?.email} error={state.fieldErrors?.email} />
        <div>
          <label htmlFor="role" className="block text-sm font-medium text-slate-800">Role</label>
          <select id="role" name="role" defaultValue={state.ok ? "support" : (state.values?.role ?? "support")} aria-invalid={state.fieldErrors?.role ? true : undefined} aria-describedby={state.fieldErrors?.role ? "role-error" : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
            {canInviteOwners && <option value="owner">Owner</option>}
            <option value="admin">Admin</option>
            <option value="support">Support</option>
            <option value="editor">Editor</option>
          </select>
          {state.fieldErrors?.role && <p id="role-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.role}</p>}
        </div>
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Creating link…" : "Create invite link"}
        </SubmitButton>
      </form>
      {state.ok && state.link ? (
        <div className="mt-4 rounded-md bg-green-50 p-3 text-sm" role="status">
          <p className="text-green-800">{state.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input readOnly value={state.link} aria-label="Invite link" onFocus={(event) => event.currentTarget.select()} className="w-full min-w-0 rounded border border-green-200 bg-white px-2 py-1 font-mono text-xs sm:w-auto sm:flex-1" />
            <CopyButton text={state.link} describedWhat="Invite link" />
          </div>
        </div>
      ) : (
        <div className="mt-3"><FormMessage message={state.ok ? undefined : state.message} /></div>
      )}
    </section>
  );
}
