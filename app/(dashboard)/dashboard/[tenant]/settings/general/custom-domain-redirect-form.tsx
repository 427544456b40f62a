"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { saveCustomDomainRedirect } from "./actions";
import { SubmitButton } from "@/components/submit-button";

/**
 * Settings → General → Custom domain, once a domain is served: whether readers who open the
 * Gatehouse address are sent on to it. Off until an admin turns it on, because DNS verification
 * proves the domain is the tenant's, not that its CNAME already leads here; the link lets the admin
 * check that first. The domain goes along in a hidden field, so the choice applies to the domain
 * the admin saw and not to one another admin put in its place meanwhile.
 */
export function CustomDomainRedirectForm({
  subdomain,
  domain,
  domainOrigin,
  gatehouseHost,
  redirect,
}: {
  subdomain: string;
  domain: string;
  /** e.g. https://help.example.com */
  domainOrigin: string;
  /** e.g. acme.gatehouse.app */
  gatehouseHost: string;
  redirect: boolean;
}) {
  const [state, action, saving] = useActionState<ActionState, FormData>(saveCustomDomainRedirect.bind(null, subdomain), {});
  return (
    <form action={action} aria-label="Readers at the Gatehouse address" onSubmit={(event) => saving && event.preventDefault()} className="space-y-3 rounded-md border border-slate-200 p-4">
      <input type="hidden" name="domain" value={domain} />
      <div className="flex items-start gap-3">
        <input id="redirect" name="redirect" type="checkbox" defaultChecked={redirect} aria-describedby="redirect-hint" className="mt-1 h-4 w-4" />
        <div>
          <label htmlFor="redirect" className="text-sm font-medium">
            Send readers who open <span className="font-mono">{gatehouseHost}</span> to <span className="font-mono">{domain}</span>
          </label>
          <p id="redirect-hint" className="text-xs text-slate-500">
            One address for every link, and readers stay signed in wherever a link takes them (a session belongs to the address it started at). Sign-in links and
            tokens sent to the Gatehouse address are passed on too; the widget and the read API keep answering at both. Turn this on once{" "}
            <a href={domainOrigin} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
              {domain}
            </a>{" "}
            opens your help center.
          </p>
        </div>
      </div>
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <SubmitButton pending={saving} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 aria-disabled:opacity-60">
        {saving ? "Saving…" : "Save redirect"}
      </SubmitButton>
    </form>
  );
}
