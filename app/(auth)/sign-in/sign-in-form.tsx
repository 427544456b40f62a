"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { SubmitButton } from "@/components/submit-button";

/** @param destination a path of this site, already checked on the server (lib/auth/sign-in-destination.ts) */
export function SignInForm({ destination }: { destination: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (result?.error) {
      setError(SIGN_IN_ERRORS[result.error] ?? "Sign-in failed. Try again.");
      setPending(false);
      return;
    }
    router.push(destination);
    router.refresh();
  }

  return (
    // onSubmit rather than a form action: React resets a form after its action, and a mistyped
    // password should not cost the visitor their email too.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      className="space-y-4"
    >
      <FormField id="email" label="Email" type="email" autoComplete="email" required />
      <FormField id="password" label="Password" type="password" autoComplete="current-password" required />
      <FormMessage message={error} />
      <SubmitButton pending={pending} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </SubmitButton>
    </form>
  );
}
