"use client";

import { useActionState, useRef, useState } from "react";
import { z } from "zod";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useConfirmBeforeSubmit } from "@/components/use-confirm-before-submit";
import { FormField, FormMessage } from "@/components/form-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import type { ActionState } from "@/lib/auth/member-action";
import { SESSION_LENGTH_MINUTES, ssoSettingsSchema, type SsoSettingsField } from "@/lib/sso/settings-schema";
import { applyJwtSettings } from "../actions";
import { SecretField } from "./secret-field";
import { SubmitButton } from "@/components/submit-button";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

interface Initial {
  loginUrl: string;
  logoutUrl: string;
  issuer: string;
  audience: string;
  tokenTtlSeconds: number;
  clockSkewSeconds: number;
  sessionLengthMinutes: number;
  requireRedirectKey: boolean;
}

export function JwtSettingsForm({ subdomain, hasSecret, initial }: { subdomain: string; hasSecret: boolean; initial: Initial }) {
  const [state, action, pending] = useActionState<ActionState<SsoSettingsField>, FormData>(applyJwtSettings.bind(null, subdomain), {});
  // Checked here first with the server's own schema, so mistakes show without a round trip.
  const [localErrors, setLocalErrors] = useState<Partial<Record<SsoSettingsField, string>> | null>(null);
  const errors = localErrors ?? state.fieldErrors ?? {};
  const formRef = useFocusFirstError(localErrors ?? state.fieldErrors);
  // A pasted secret replaces the live one when saved, which breaks every backend still signing
  // with the old one: like Regenerate, the save asks first (only when there is a secret to lose).
  const pasteConfirmation = useConfirmBeforeSubmit(formRef);
  const applyButton = useRef<HTMLButtonElement>(null);
  // Once a save succeeds the pasted value is the stored secret: the field starts afresh, so a later
  // save does not send it (and audit it) again.
  const [savedState, setSavedState] = useState(state);
  const [secretFieldKey, setSecretFieldKey] = useState(0);
  if (state !== savedState) {
    setSavedState(state);
    if (state.ok) setSecretFieldKey((key) => key + 1);
  }
  // After a refusal the server sends back what was typed (React resets the form after an action).
  const typed = (field: keyof Initial) => (state.ok ? undefined : state.values?.[field]);
  const value = <K extends keyof Initial>(field: K) => typed(field) ?? String(initial[field]);

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onSubmit={(event) => {
        // A press while saving never gets here: SubmitButton ignores it.
        const fields = new FormData(event.currentTarget);
        const parsed = ssoSettingsSchema.safeParse(Object.fromEntries(fields));
        if (parsed.success) {
          setLocalErrors(null);
          pasteConfirmation.stopToAsk(event, hasSecret && Boolean(fields.get("sharedSecret")));
          return;
        }
        event.preventDefault();
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
        setLocalErrors(Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]])));
      }}
      className="mt-5 space-y-5"
    >
      <FormField id="loginUrl" label="Login URL" type="url" defaultValue={value("loginUrl")} error={errors.loginUrl}
        hint="An address of your app that signs the visitor in (if they are not already), then mints a token and sends them back to /sso/jwt. We set subdomain, key and return_to in its query (replacing parameters of those names): keep key and return_to through your login form. Leave it empty if you use tokens only for the widget and the API: the help center then offers no Sign in, and cannot be private." placeholder="https://app.example.com/sso/help-center" />
      <SecretField key={secretFieldKey} subdomain={subdomain} hasSecret={hasSecret} error={errors.sharedSecret} />
      <FormField id="logoutUrl" label="Logout URL" type="url" defaultValue={value("logoutUrl")} error={errors.logoutUrl} hint="Optional. Where visitors go after signing out of the help center." />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="issuer" label="Issuer" defaultValue={value("issuer")} error={errors.issuer} hint="Optional. When set, tokens must carry this iss claim." />
        <FormField id="audience" label="Audience" defaultValue={value("audience")} error={errors.audience} hint="Optional. When set, tokens must carry this aud claim." />
        <FormField id="tokenTtlSeconds" label="Token TTL (seconds)" type="number" inputMode="numeric" min={30} max={86400} required defaultValue={value("tokenTtlSeconds")} error={errors.tokenTtlSeconds} hint="How old a token may be (now − iat): 30 to 86400." />
        <FormField id="clockSkewSeconds" label="Clock skew leeway (seconds)" type="number" inputMode="numeric" min={0} max={300} required defaultValue={value("clockSkewSeconds")} error={errors.clockSkewSeconds} hint="Tolerance for clocks that disagree: 0 to 300." />
        <FormField id="sessionLengthMinutes" label="Session length (minutes)" type="number" inputMode="numeric" min={SESSION_LENGTH_MINUTES.min} max={SESSION_LENGTH_MINUTES.max} required defaultValue={value("sessionLengthMinutes")} error={errors.sessionLengthMinutes}
          hint={`How long a reader stays signed in to the help center after a sign-in: ${SESSION_LENGTH_MINUTES.min} to ${SESSION_LENGTH_MINUTES.max} (30 days); 720 is 12 hours. Applies to sign-ins from now on; to cut short the sessions already open, use Sign everyone out under Sessions.`} />
      </div>
      <div className="flex items-start gap-3">
        <input id="requireRedirectKey" name="requireRedirectKey" type="checkbox" defaultChecked={state.ok || !state.values ? initial.requireRedirectKey : state.values.requireRedirectKey === "on"} className="mt-1 h-4 w-4"
          aria-invalid={errors.requireRedirectKey ? true : undefined} aria-describedby={errors.requireRedirectKey ? "requireRedirectKey-hint requireRedirectKey-error" : "requireRedirectKey-hint"} />
        <div>
          <label htmlFor="requireRedirectKey" className="text-sm font-medium">Only accept sign-ins that start at the help center</label>
          <p id="requireRedirectKey-hint" className="text-xs text-slate-500">Refuse tokens whose jti is not the key we sent to your Login URL. This stops login CSRF: someone sending a visitor a link with their own token, which signs the visitor in as them. Recommended, unless your app sends people straight in with tokens it starts itself.</p>
          {errors.requireRedirectKey && <p id="requireRedirectKey-error" className="mt-1 text-sm text-red-700">{errors.requireRedirectKey}</p>}
        </div>
      </div>
      {/* A mistake caught here replaces whatever the last save said, success included. */}
      <FormMessage message={localErrors ? FIELDS_NEED_ATTENTION : state.ok ? undefined : state.message} />
      {state.ok && !localErrors && <FormMessage tone="success" message={state.message} />}
      <SubmitButton ref={applyButton} pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Saving…" : "Apply JWT Settings"}
      </SubmitButton>
      <ConfirmDialog
        {...pasteConfirmation.dialog}
        returnFocusTo={applyButton}
        title="Replace the shared secret?"
        description="Saving puts the secret you pasted in place of the current one. Tokens signed with the old secret stop working at once: sign-ins fail until your backend uses the new one."
        confirmLabel="Replace secret and save"
      />
    </form>
  );
}
