"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormField, FormMessage } from "@/components/form-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import type { ActionState } from "@/lib/auth/member-action";
import { parseCustomDomain } from "@/lib/tenant/custom-domain";
import { saveCustomDomain } from "./actions";

/**
 * Settings → General → Custom domain. Moving or removing a domain that is in use breaks every
 * link to it and every reader's session there (session cookies belong to one host), so that save
 * asks first; setting the first one does not. The value is checked here with the server's own
 * rules first, so a typo is pointed out instead of asked about, and retyping the saved domain in
 * another form (a URL, capitals) is not taken for a change.
 */
export function CustomDomainForm({ subdomain, customDomain, cnameTarget, rootHostname }: { subdomain: string; customDomain: string | null; cnameTarget: string; rootHostname: string }) {
  const [state, action, pending] = useActionState<ActionState<"customDomain">, FormData>(saveCustomDomain.bind(null, subdomain), {});
  // Kept as an object, like the server's field errors, so focus moves to the field once per check.
  const [localErrors, setLocalErrors] = useState<{ customDomain: string } | null>(null);
  const error = localErrors?.customDomain ?? state.fieldErrors?.customDomain;
  const formRef = useFocusFirstError(localErrors ?? state.fieldErrors);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState<{ next: string | null } | null>(null);
  const confirmed = useRef(false);
  const typed = state.ok ? undefined : state.values?.customDomain;

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onSubmit={(event) => {
        if (pending) return event.preventDefault();
        const parsed = parseCustomDomain(String(new FormData(event.currentTarget).get("customDomain") ?? ""), rootHostname);
        if (!parsed.ok) {
          event.preventDefault();
          setLocalErrors({ customDomain: parsed.message });
          return;
        }
        setLocalErrors(null);
        if (customDomain && parsed.domain !== customDomain && !confirmed.current) {
          event.preventDefault();
          setConfirming({ next: parsed.domain });
        }
        confirmed.current = false;
      }}
      className="mt-4 space-y-4"
    >
      <FormField id="customDomain" label="Custom domain" defaultValue={typed ?? customDomain ?? ""} placeholder="help.example.com" autoComplete="off" spellCheck={false}
        error={error}
        hint={<>A host name of yours, such as help.example.com. Point it here with a DNS record: <strong>CNAME</strong> to <code className="font-mono">{cnameTarget}</code>. Leave empty to use only the Gatehouse address.</>} />
      <FormMessage message={localErrors ? "Some fields need attention." : state.ok ? undefined : state.message} />
      {state.ok && !localErrors && <FormMessage tone="success" message={state.message} />}
      <button ref={saveButton} type="submit" aria-disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Saving…" : "Save domain"}
      </button>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        returnFocusTo={saveButton}
        title={confirming?.next ? "Change the custom domain?" : "Remove the custom domain?"}
        description={`Links to ${customDomain} stop working at once, and readers signed in there have to sign in again${confirming?.next ? ` at ${confirming.next}` : ""}. Update the links to your help center in your app and emails.`}
        confirmLabel={confirming?.next ? "Change domain" : "Remove domain"}
        onConfirm={() => {
          confirmed.current = true;
          formRef.current?.requestSubmit();
        }}
      />
    </form>
  );
}
