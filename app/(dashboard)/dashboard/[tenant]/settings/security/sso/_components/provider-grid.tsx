"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { notifyMe } from "../actions";
import { SubmitButton } from "@/components/submit-button";
import { JWT_SECTION } from "../jwt-section";

const COMING_SOON = [
  { id: "saml", name: "SAML 2.0" },
  { id: "oidc", name: "OpenID Connect" },
  { id: "google-workspace", name: "Google Workspace" },
  { id: "okta", name: "Okta" },
  { id: "entra-id", name: "Microsoft Entra ID" },
] as const;

function NotifyMe({ subdomain, provider, requested }: { subdomain: string; provider: { id: string; name: string }; requested: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(notifyMe.bind(null, subdomain), {});
  // The button that had focus is replaced by the confirmation: focus follows it, rather than
  // falling back to the top of the page.
  const confirmation = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok) confirmation.current?.focus();
  }, [state.ok]);
  const label = pending ? "Saving…" : "Notify me when this ships";
  if (requested || state.ok) {
    return <p ref={confirmation} tabIndex={-1} className="text-sm font-medium text-green-700 focus:outline-none" role="status">We&apos;ll let you know</p>;
  }
  return (
    <form action={action}>
      <input type="hidden" name="provider" value={provider.id} />
      {/* Five of these sit side by side: the name says which provider (and starts with what it shows, for voice control). */}
      <SubmitButton
        pending={pending}
        aria-label={`${label}: ${provider.name}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 aria-disabled:opacity-60"
      >
        {label}
      </SubmitButton>
      {state.message && !state.ok && <p className="mt-1 text-sm text-red-700">{state.message}</p>}
    </form>
  );
}

export function ProviderGrid({ subdomain, requested }: { subdomain: string; requested: string[] }) {
  return (
    <section id="providers" aria-labelledby="providers-heading" className="scroll-mt-6">
      <h2 id="providers-heading" className="text-lg font-semibold">Providers</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <li className="flex flex-col justify-between gap-3 rounded-lg border-2 border-brand-600 p-4">
          <div>
            <p className="font-semibold">{JWT_SECTION}</p>
            <p className="text-sm text-slate-600">Live</p>
          </div>
          <a href="#jwt-settings" className="self-start rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            Configure
          </a>
        </li>
        {COMING_SOON.map((provider) => (
          <li key={provider.id} className="flex flex-col justify-between gap-3 rounded-lg border border-slate-200 p-4">
            <div>
              <p className="font-semibold">{provider.name}</p>
              <p className="text-sm text-slate-500">Coming soon</p>
            </div>
            <NotifyMe subdomain={subdomain} provider={provider} requested={requested.includes(provider.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
