"use client";

import { signIn } from "next-auth/react";
import { startTransition, useActionState, useEffect, useState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { signUp, type SignUpState } from "./actions";

export function SignUpForm({ rootHost }: { rootHost: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUp, {});
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const formRef = useFocusFirstError(state.fieldErrors);
  // Account created: we are signing the new owner in.
  const signingIn = Boolean(state.ok);

  // Account created: sign in with the same credentials and open the new help center's dashboard.
  useEffect(() => {
    if (!state.ok || !credentials || !state.subdomain) return;
    void signIn("credentials", { ...credentials, callbackUrl: `/dashboard/${state.subdomain}` });
  }, [state, credentials]);

  return (
    // React resets a form after its action, which would wipe the password chosen a moment ago over
    // a taken subdomain. So once hydrated, onSubmit sends it instead (a prevented submit is not
    // reset), as the sign-in form does; `action` stays for a submit before then, posted, not put in a URL.
    <form
      ref={formRef}
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending || signingIn) return;
        const form = new FormData(event.currentTarget);
        setCredentials({ email: String(form.get("email")), password: String(form.get("password")) });
        startTransition(() => action(form));
      }}
      className="space-y-4"
      noValidate
    >
      <FormField id="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <FormField id="password" label="Password" type="password" autoComplete="new-password" required error={state.fieldErrors?.password} hint="At least 10 characters." />
      <FormField id="tenantName" label="Help center name" required defaultValue={state.values?.tenantName} error={state.fieldErrors?.tenantName} />
      <FormField id="subdomain" label="Subdomain" required defaultValue={state.values?.subdomain} error={state.fieldErrors?.subdomain} hint={`Your help center will live at <subdomain>.${rootHost}`} autoCapitalize="none" spellCheck={false} />
      <FormMessage message={state.message} />
      <SubmitButton pending={pending || signingIn} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Creating your help center…" : signingIn ? "Signing you in…" : "Create help center"}
      </SubmitButton>
    </form>
  );
}
