"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useConfirmBeforeSubmit } from "@/components/use-confirm-before-submit";
import { CopyButton } from "@/components/copy-button";
import { FormField, FormMessage } from "@/components/form-field";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import type { ActionState } from "@/lib/auth/member-action";
import { parseCustomDomain } from "@/lib/tenant/custom-domain";
import { saveCustomDomain, verifyCustomDomain } from "./actions";
import { SubmitButton } from "@/components/submit-button";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

export interface PendingDomain {
  domain: string;
  recordName: string;
  recordValue: string;
}

/**
 * Settings → General → Custom domain. Saving a domain only asks for it: it is served once a TXT
 * record proves it is the tenant's (Verify), and the domain served until then stays served.
 * Removing a domain in use, or verifying one that replaces it, breaks every link to the old one and
 * every reader's session there (session cookies belong to one host), so those ask first. The value
 * is checked here with the server's own rules first, so a typo is pointed out instead of saved.
 */
export function CustomDomainForm({
  subdomain,
  activeDomain,
  redirect,
  pending,
  cnameTarget,
  rootHostname,
}: {
  subdomain: string;
  activeDomain: string | null;
  /** readers who open the Gatehouse address are sent to activeDomain */
  redirect: boolean;
  pending: PendingDomain | null;
  cnameTarget: string;
  rootHostname: string;
}) {
  const [state, action, saving] = useActionState<ActionState<"customDomain">, FormData>(saveCustomDomain.bind(null, subdomain), {});
  // Kept as an object, like the server's field errors, so focus moves to the field once per check.
  const [localErrors, setLocalErrors] = useState<{ customDomain: string } | null>(null);
  const error = localErrors?.customDomain ?? state.fieldErrors?.customDomain;
  const formRef = useFocusFirstError(localErrors ?? state.fieldErrors);
  const saveButton = useRef<HTMLButtonElement>(null);
  const removal = useConfirmBeforeSubmit(formRef);
  const typed = state.ok ? undefined : state.values?.customDomain;
  // Held here, not in VerifyDomain: a successful check ends the wait, which unmounts that part,
  // and its answer must still be read. Only the latest form's answer is shown.
  const [verifyState, verifyAction, checking] = useActionState<ActionState, FormData>(verifyCustomDomain.bind(null, subdomain), {});
  const [latest, setLatest] = useState<"save" | "verify">("save");

  return (
    <div className="mt-4 space-y-6">
      <p className="text-sm" data-testid="custom-domain-status">
        {activeDomain && redirect ? (
          <>
            Served at <strong className="font-mono">{activeDomain}</strong>. Readers who open the Gatehouse address are sent there.
          </>
        ) : activeDomain ? (
          <>
            Served at <strong className="font-mono">{activeDomain}</strong> as well as the Gatehouse address.
          </>
        ) : (
          "No custom domain is served: readers use the Gatehouse address."
        )}
      </p>
      <form
        ref={formRef}
        action={action}
        noValidate
        onSubmit={(event) => {
          // A press while saving never gets here: SubmitButton ignores it.
          setLatest("save");
          const parsed = parseCustomDomain(String(new FormData(event.currentTarget).get("customDomain") ?? ""), rootHostname);
          if (!parsed.ok) {
            event.preventDefault();
            setLocalErrors({ customDomain: parsed.message });
            return;
          }
          setLocalErrors(null);
          removal.stopToAsk(event, activeDomain !== null && parsed.domain === null);
        }}
        className="space-y-4"
      >
        <FormField id="customDomain" label="Custom domain" defaultValue={typed ?? pending?.domain ?? activeDomain ?? ""} placeholder="help.example.com" autoComplete="off" spellCheck={false}
          error={error}
          hint={<>A host name of yours, such as help.example.com. You will prove it is yours with a DNS record, then point it here with a <strong>CNAME</strong> to <code className="font-mono">{cnameTarget}</code>. Leave empty to use only the Gatehouse address.</>} />
        {latest === "save" && <FormMessage message={localErrors ? FIELDS_NEED_ATTENTION : state.ok ? undefined : state.message} />}
        {latest === "save" && state.ok && !localErrors && <FormMessage tone="success" message={state.message} />}
        {latest === "verify" && verifyState.ok && <FormMessage tone="success" message={verifyState.message} />}
        <SubmitButton ref={saveButton} pending={saving} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {saving ? "Saving…" : "Save domain"}
        </SubmitButton>
        <ConfirmDialog
          {...removal.dialog}
          returnFocusTo={saveButton}
          title="Remove the custom domain?"
          description={`Links to ${activeDomain} stop working at once, and readers signed in there have to sign in again. Update the links to your help center in your app and emails.`}
          confirmLabel="Remove domain"
        />
      </form>
      {pending && (
        <VerifyDomain
          activeDomain={activeDomain}
          pending={pending}
          cnameTarget={cnameTarget}
          action={verifyAction}
          checking={checking}
          failure={latest === "verify" && !verifyState.ok ? verifyState.message : undefined}
          onSubmitted={() => setLatest("verify")}
        />
      )}
    </div>
  );
}

/** The pending domain: the TXT record to publish, and Verify. */
function VerifyDomain({
  activeDomain,
  pending,
  cnameTarget,
  action,
  checking,
  failure,
  onSubmitted,
}: {
  activeDomain: string | null;
  pending: PendingDomain;
  cnameTarget: string;
  action: (form: FormData) => void;
  checking: boolean;
  failure: string | undefined;
  onSubmitted: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const verifyButton = useRef<HTMLButtonElement>(null);
  const move = useConfirmBeforeSubmit(formRef);

  return (
    <section aria-labelledby="verify-domain-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id="verify-domain-heading" className="font-semibold">
        Waiting for verification: <span className="font-mono">{pending.domain}</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        Gatehouse serves a domain once its DNS proves it is yours.
        {activeDomain ? ` Until then readers keep using ${activeDomain}.` : ""}
      </p>
      <ol className="mt-3 list-decimal space-y-3 pl-5 text-sm">
        <li>
          With your DNS provider, add a <strong>TXT</strong> record:
          <dl className="mt-2 space-y-2">
            <RecordPart label="Name" value={pending.recordName} />
            <RecordPart label="Value" value={pending.recordValue} />
          </dl>
          <p className="mt-2 text-slate-600">Some DNS providers add your domain to the name themselves: there, enter only the part before it.</p>
        </li>
        <li>Press Verify. New records can take a few minutes to appear.</li>
        <li>
          Point <span className="font-mono">{pending.domain}</span> here with a <strong>CNAME</strong> to <code className="font-mono">{cnameTarget}</code>. You can remove the TXT record once the domain is verified.
        </li>
      </ol>
      <form
        ref={formRef}
        action={action}
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          if (checking) return event.preventDefault();
          if (!move.stopToAsk(event, activeDomain !== null)) onSubmitted();
        }}
      >
        <FormMessage message={failure} />
        <SubmitButton ref={verifyButton} pending={checking} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {checking ? "Checking DNS…" : "Verify domain"}
        </SubmitButton>
        <ConfirmDialog
          {...move.dialog}
          returnFocusTo={verifyButton}
          title="Move the help center to the new domain?"
          description={`Once ${pending.domain} is verified, links to ${activeDomain} stop working, and readers signed in there have to sign in again at ${pending.domain}. Update the links to your help center in your app and emails.`}
          confirmLabel="Verify and move"
        />
      </form>
    </section>
  );
}

function RecordPart({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-start gap-2">
      <dt className="w-12 shrink-0 pt-2 text-slate-600">{label}</dt>
      <dd className="flex min-w-0 flex-1 items-start gap-2">
        <span className="min-w-0 flex-1 break-all rounded border border-slate-200 bg-white px-2 py-2 font-mono" data-record-part={label.toLowerCase()}>{value}</span>
        <CopyButton text={value} describedWhat={`The record's ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}
