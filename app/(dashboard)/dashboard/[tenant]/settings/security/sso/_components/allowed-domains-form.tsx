"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { applyAllowedDomains } from "../actions";
import type { AllowedDomainsField } from "../schemas";
import { SubmitButton } from "@/components/submit-button";

interface Props {
  subdomain: string;
  helpCenterHost: string;
  allowedDomains: string[];
  /** saved entries that let nothing in: wildcards over a public suffix, saved before they were refused */
  ineffectiveDomains: string[];
  restrictSignInOrigins: boolean;
}

export function AllowedDomainsForm({ subdomain, helpCenterHost, allowedDomains, ineffectiveDomains, restrictSignInOrigins }: Props) {
  const [state, action, pending] = useActionState<ActionState<AllowedDomainsField>, FormData>(applyAllowedDomains.bind(null, subdomain), {});
  const errors = state.fieldErrors ?? {};
  // After a refusal the server sends back what was typed (React resets the form after an action).
  const refused = !state.ok && state.values !== undefined;
  const listText = refused ? (state.values!.allowedDomains ?? "") : allowedDomains.join("\n");
  const restricted = refused ? state.values!.restrictSignInOrigins === "on" : restrictSignInOrigins;
  const warnIneffective = !refused && ineffectiveDomains.length > 0;
  const listDescribedBy = ["allowedDomains-hint", errors.allowedDomains ? "allowedDomains-error" : null, warnIneffective ? "allowedDomains-ineffective" : null]
    .filter(Boolean)
    .join(" ");
  const restrictDescribedBy = ["restrictSignInOrigins-hint", errors.restrictSignInOrigins ? "restrictSignInOrigins-error" : null].filter(Boolean).join(" ");

  return (
    <form action={action} noValidate className="mt-4 space-y-5">
      <div>
        <label htmlFor="allowedDomains" className="block text-sm font-medium text-slate-800">Allowed domains</label>
        <textarea
          // A new key after each answer, so a saved (normalized) list replaces what was typed.
          key={`${state.ok ? "saved" : "typed"}-${listText}`}
          id="allowedDomains"
          name="allowedDomains"
          rows={4}
          defaultValue={listText}
          placeholder={"app.example.com\n*.example.com"}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={errors.allowedDomains ? true : undefined}
          aria-describedby={listDescribedBy}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
        />
        <p id="allowedDomains-hint" className="mt-1 text-xs text-slate-500">
          One per line. <code>*.example.com</code> covers every subdomain of example.com (not example.com itself). A pasted URL is reduced to its host name; ports do not matter. At most 50.
        </p>
        {errors.allowedDomains && <p id="allowedDomains-error" className="mt-1 text-sm text-red-700">{errors.allowedDomains}</p>}
        {warnIneffective && (
          <p id="allowedDomains-ineffective" className="mt-1 text-sm text-amber-800">
            {ineffectiveDomains.map((domain) => `"${domain}"`).join(", ")} {ineffectiveDomains.length === 1 ? "lets" : "let"} nothing in: a wildcard over a
            domain anyone can register names under is not allowed. Replace it with a domain of your own, like *.example.com, and save.
          </p>
        )}
      </div>

      <div>
        <div className="flex items-start gap-3">
          <input
            key={`restrict-${restricted}`}
            id="restrictSignInOrigins"
            name="restrictSignInOrigins"
            type="checkbox"
            defaultChecked={restricted}
            aria-invalid={errors.restrictSignInOrigins ? true : undefined}
            aria-describedby={restrictDescribedBy}
            className="mt-1 h-4 w-4"
          />
          <div>
            <label htmlFor="restrictSignInOrigins" className="text-sm font-medium">Only accept sign-ins from these domains</label>
            <p id="restrictSignInOrigins-hint" className="text-xs text-slate-500">
              /sso/jwt (and the hc_jwt cookie flow) refuse a request whose Referer or Origin names another site, with the reason{" "}
              <code>origin_not_allowed</code>. The help center itself ({helpCenterHost}) is always allowed, and a request that names no site at all still passes.
            </p>
          </div>
        </div>
        {errors.restrictSignInOrigins && <p id="restrictSignInOrigins-error" className="mt-1 text-sm text-red-700">{errors.restrictSignInOrigins}</p>}
      </div>

      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
        {pending ? "Saving…" : "Save allowed domains"}
      </SubmitButton>
    </form>
  );
}
