"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { SubmitButton } from "@/components/submit-button";
import { toggleSso } from "../actions";

export function SsoToggle({ subdomain, enabled }: { subdomain: string; enabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(toggleSso.bind(null, subdomain), {});
  return (
    // Narrow and not shrinking: a refusal message wraps under the switch instead of pushing the
    // switch onto a line of its own.
    <form action={action} className="flex max-w-64 shrink-0 flex-col items-end gap-1">
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <SubmitButton
        pending={pending}
        role="switch"
        aria-checked={enabled}
        aria-label="SSO"
        className={`inline-flex items-center gap-3 rounded-full border px-4 py-2 text-sm font-medium aria-disabled:opacity-60 ${enabled ? "border-green-600 bg-green-50 text-green-800" : "border-slate-300 bg-white text-slate-700"}`}
      >
        <span aria-hidden="true" className={`h-3 w-3 rounded-full ${enabled ? "bg-green-600" : "bg-slate-400"}`} />
        SSO {pending ? "…" : enabled ? "on" : "off"}
      </SubmitButton>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-right text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
