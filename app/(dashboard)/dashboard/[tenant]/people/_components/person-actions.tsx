"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { liftSuspension, signOutEverywhere, suspendPerson } from "../actions";
import { SubmitButton } from "@/components/submit-button";

type Kind = "suspend" | "lift" | "signOut";

const sessionsText = (count: number) => (count === 1 ? "their 1 live session ends" : `their ${count} live sessions end`);

// What an owner or admin can do about one end user. Suspending asks first; lifting and signing out
// do not (both are undone by the person simply signing in again, or by suspending). Buttons stay
// focusable while an action runs (aria-disabled, so focus can come back from the dialog), and the
// outcome takes focus: the button pressed may be gone by then (Suspend becomes Lift suspension).
export function PersonActions({ subdomain, person }: { subdomain: string; person: { id: string; email: string; suspended: boolean; liveSessions: number } }) {
  const [suspendState, suspendAction, suspending] = useActionState<ActionState, FormData>(suspendPerson.bind(null, subdomain), {});
  const [liftState, liftAction, lifting] = useActionState<ActionState, FormData>(liftSuspension.bind(null, subdomain), {});
  const [signOutState, signOutAction, signingOut] = useActionState<ActionState, FormData>(signOutEverywhere.bind(null, subdomain), {});
  const pending = suspending || lifting || signingOut;
  const [last, setLast] = useState<Kind | null>(null);
  // The outcome of the last action pressed; nothing while one runs (an older outcome would mislead).
  const shown: ActionState = pending ? {} : last === "suspend" ? suspendState : last === "lift" ? liftState : last === "signOut" ? signOutState : {};

  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);
  const suspendForm = useRef<HTMLFormElement>(null);
  const suspendButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Each state object changes only when its action answers: focus follows a new outcome only.
    if (suspendState.message || liftState.message || signOutState.message) outcome.current?.focus();
  }, [suspendState, liftState, signOutState]);

  /**
   * Runs before each form is sent: Suspend only once confirmed. One action at a time: every button
   * gets the combined `pending`, so SubmitButton ignores a press while any of them is answering.
   */
  const submitting = (kind: Kind) => (event: FormEvent<HTMLFormElement>) => {
    if (kind === "suspend" && !confirmed.current) {
      event.preventDefault();
      setConfirming(true);
      return;
    }
    confirmed.current = false;
    setLast(kind);
  };

  const button = "rounded-md px-4 py-2 text-sm font-medium aria-disabled:opacity-60";
  return (
    <section aria-labelledby="access-heading" className="rounded-lg border border-slate-200 p-5">
      <h2 id="access-heading" className="text-lg font-semibold">Access</h2>
      <p className="mt-1 text-sm text-slate-600">
        {person.suspended
          ? "Suspended: every sign-in is refused with user_suspended, and the widget and API refuse their tokens."
          : "Suspending signs them out at once and refuses their sign-ins until you lift it. Signing out everywhere only ends the sessions they have now: they can sign in again."}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        {person.suspended ? (
          <form action={liftAction} onSubmit={submitting("lift")}>
            <input type="hidden" name="endUserId" value={person.id} />
            <SubmitButton pending={pending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
              {lifting ? "Lifting…" : "Lift suspension"}
            </SubmitButton>
          </form>
        ) : (
          <form ref={suspendForm} action={suspendAction} onSubmit={submitting("suspend")}>
            <input type="hidden" name="endUserId" value={person.id} />
            <SubmitButton ref={suspendButton} pending={pending} className={`${button} bg-red-600 text-white hover:bg-red-700`}>
              {suspending ? "Suspending…" : "Suspend"}
            </SubmitButton>
          </form>
        )}
        <form action={signOutAction} onSubmit={submitting("signOut")}>
          <input type="hidden" name="endUserId" value={person.id} />
          <SubmitButton pending={pending} className={`${button} border border-slate-300 hover:bg-slate-50`}>
            {signingOut ? "Signing out…" : "Sign out everywhere"}
          </SubmitButton>
        </form>
      </div>
      <div ref={outcome} tabIndex={-1} className="mt-4 focus:outline-none">
        <FormMessage message={shown.ok ? undefined : shown.message} />
        {shown.ok && <FormMessage tone="success" message={shown.message} />}
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        returnFocusTo={suspendButton}
        title={`Suspend ${person.email}?`}
        description={`They are signed out of the help center at once (${sessionsText(person.liveSessions)} now), and every sign-in after that is refused with user_suspended until you lift the suspension. Widget and API tokens they hold stop working within a second.`}
        confirmLabel="Suspend and sign out"
        onConfirm={() => {
          confirmed.current = true;
          suspendForm.current?.requestSubmit();
        }}
      />
    </section>
  );
}
