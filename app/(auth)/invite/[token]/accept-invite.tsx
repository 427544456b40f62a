"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { acceptAsSignedInUser, acceptWithNewAccount, type AcceptState } from "./actions";

export function AcceptInvite({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptWithNewAccount.bind(null, token), {});
  const [accepting, startAccepting] = useTransition();
  const password = useRef("");
  const [acceptMessage, setAcceptMessage] = useState<string>();

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
    <form action={action} onSubmit={(event) => { password.current = String(new FormData(event.currentTarget).get("password")); }} className="mt-6 space-y-4" noValidate>
      <FormField id="email" label="Email" value={email} readOnly />
      <FormField id="name" label="Your name" autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <FormField id="password" label="Password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={state.fieldErrors?.password} />
      <FormMessage message={state.message} />
      <button type="submit" disabled={pending || state.ok} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Creating your account…" : state.ok ? "Signing you in…" : "Create account and join"}
      </button>
    </form>
  );
}
