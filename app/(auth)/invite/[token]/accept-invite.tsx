"use client";

import { signIn } from "next-auth/react";
import { startTransition, useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { acceptAsSignedInUser, acceptWithNewAccount, type AcceptState } from "./actions";

export function AcceptInvite({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptWithNewAccount.bind(null, token), {});
  const [accepting, startAccepting] = useTransition();
  const password = useRef("");
  const [acceptMessage, setAcceptMessage] = useState<string>();
  const formRef = useFocusFirstError(state.fieldErrors);

  // New account created and joined: sign in with it and open the dashboard.
  useEffect(() => {
    if (state.ok && state.subdomain) void signIn("credentials", { email, password: password.current, callbackUrl: `/dashboard/${state.subdomain}` });
  }, [state, email]);

  if (signedIn) {
    return (
      <div className="mt-6 space-y-3">
        <button
          type="button"
          disabled={accepting}
          onClick={() => startAccepting(async () => { setAcceptMessage((await acceptAsSignedInUser(token)).message); })}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {accepting ? "Joining…" : "Accept invite"}
        </button>
        <FormMessage message={acceptMessage} />
      </div>
    );
  }
  return (
    // React resets a form after its action, which would wipe the password over a refused name.
    // So once hydrated, onSubmit sends it instead (a prevented submit is not reset), as the sign-in
    // form does; `action` stays for a submit before then, posted, not put in a URL.
    <form
      ref={formRef}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending || state.ok) return;
        const form = new FormData(event.currentTarget);
        password.current = String(form.get("password"));
        startTransition(() => action(form));
      }}
      className="mt-6 space-y-4"
      noValidate
    >
      <FormField id="email" label="Email" value={email} readOnly />
      <FormField id="name" label="Your name" autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <FormField id="password" label="Password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={state.fieldErrors?.password} />
      <FormMessage message={state.message} />
      <SubmitButton pending={pending || Boolean(state.ok)} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Creating your account…" : state.ok ? "Signing you in…" : "Create account and join"}
      </SubmitButton>
    </form>
  );
}
