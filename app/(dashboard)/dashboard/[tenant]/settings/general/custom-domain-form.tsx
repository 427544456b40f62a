"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormField, FormMessage } from "@/components/form-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import type { ActionState } from "@/lib/auth/member-action";
import { saveCustomDomain } from "./actions";

/**
 * Settings → General → Custom domain. Moving or removing a domain that is in use breaks every
 * link to it and every reader's session there (session cookies belong to one host), so that save
 * asks first; setting the first one does not.
 */
export function CustomDomainForm({ subdomain, customDomain, cnameTarget }: { subdomain: string; customDomain: string | null; cnameTarget: string }) {
  const [state, action, pending] = useActionState<ActionState<"customDomain">, FormData>(saveCustomDomain.bind(null, subdomain), {});
  const formRef = useFocusFirstError(state.fieldErrors);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState<{ next: string } | null>(null);
  const confirmed = useRef(false);
  const typed = state.ok ? undefined : state.values?.customDomain;

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onSubmit={(event) => {
        if (pending) return event.preventDefault();
        const next = String(new FormData(event.currentTarget).get("customDomain") ?? "").trim();
        if (customDomain && next.toLowerCase() !== customDomain && !confirmed.current) {
          event.preventDefault();
          setConfirming({ next });
        }
        confirmed.current = false;
      }}
      className="mt-4 space-y-4"
    >
      <FormField id="customDomain" label="Custom domain" defaultValue={typed ?? customDomain ?? ""} placeholder="help.example.com" autoComplete="off" spellCheck={false}
        error={state.fieldErrors?.customDomain}
        hint={<>A host name of yours, such as help.example.com. Point it here with a DNS record: <strong>CNAME</strong> to <code className="font-mono">{cnameTarget}</code>. Leave empty to use only the Gatehouse address.</>} />
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
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
