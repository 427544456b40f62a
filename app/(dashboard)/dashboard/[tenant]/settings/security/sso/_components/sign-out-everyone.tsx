"use client";

import { useActionState, useRef } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { ActionState } from "@/lib/auth/member-action";
import { signOutEveryone } from "../actions";

/**
 * Ends every reader's help-center session, after asking. The counterpart of Regenerate when a
 * secret leaked: Regenerate stops new sign-ins with the old secret, this ends the sessions that
 * old tokens already started.
 */
export function SignOutEveryone({ subdomain, liveSessions }: { subdomain: string; liveSessions: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signOutEveryone.bind(null, subdomain), {});
  const form = useRef<HTMLFormElement>(null);
  const sessions = liveSessions === 1 ? "1 session is" : `${liveSessions} sessions are`;
  return (
    <form ref={form} action={action} className="mt-4 space-y-3">
      <p className="text-sm text-slate-700">{liveSessions === 0 ? "Nobody is signed in right now." : `${sessions} open right now.`}</p>
      <ConfirmDialog
        busy={pending}
        trigger={
          <button type="button" aria-disabled={pending} className="rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 aria-disabled:opacity-60">
            {pending ? "Signing everyone out…" : "Sign everyone out"}
          </button>
        }
        title="Sign everyone out of the help center?"
        description="Every reader's session ends now, on every device, and each of them has to sign in again: a private help center sends them to your Login URL on their next visit; a public one they sign in again when they need to. Nothing else changes."
        confirmLabel="Sign everyone out"
        onConfirm={() => {
          if (!pending) form.current?.requestSubmit();
        }}
      />
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
