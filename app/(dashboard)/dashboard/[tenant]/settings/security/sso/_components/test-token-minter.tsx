"use client";

import type { TokenKind } from "@/lib/sso/verify-token";
import { useActionState, useState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { END_USER_ROLES } from "@/lib/sso/profile-claims";
import { mintTestToken, type MintTokenState } from "../actions";
import { JWT_SECTION } from "../jwt-section";
import { KindChoice } from "./kind-choice";
import { MintedToken } from "./minted-token";
import { SubmitButton } from "@/components/submit-button";

interface Props {
  subdomain: string;
  helpCenterOrigin: string;
  hasSecret: boolean;
  /** what the current settings will do with a redirect token minted here */
  ssoEnabled: boolean;
  requireRedirectKey: boolean;
}

/** "Mint a test token": signed on the server with the tenant's secret, which never reaches the page. */
export function TestTokenMinter({ subdomain, helpCenterOrigin, hasSecret, ssoEnabled, requireRedirectKey }: Props) {
  const [state, action, pending] = useActionState<MintTokenState, FormData>(mintTestToken.bind(null, subdomain), {});
  const [kind, setKind] = useState<TokenKind>("redirect");
  const errors = state.fieldErrors ?? {};
  // The server sends back what was typed, refused or not (React resets the form after an action);
  // a new key per answer makes the fields show it.
  const typed = (field: string, fallback = "") => state.values?.[field] ?? fallback;
  const answer = `${state.ok ? "ok" : "refused"}:${JSON.stringify(state.values ?? {})}`;

  return (
    <div>
      {!hasSecret && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">There is no shared secret yet: generate one under {JWT_SECTION} first.</p>
      )}
      <form key={answer} action={action} noValidate className="mt-4 space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="mint-email" name="email" label="Email" type="email" required defaultValue={typed("email")} error={errors.email} autoComplete="off" />
          <FormField id="mint-name" name="name" label="Name" required defaultValue={typed("name")} error={errors.name} autoComplete="off" />
          <div>
            <label htmlFor="mint-role" className="block text-sm font-medium text-slate-800">Role</label>
            <select id="mint-role" name="role" defaultValue={typed("role", "viewer")} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
              {END_USER_ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
            </select>
            {errors.role && <p className="mt-1 text-sm text-red-700">{errors.role}</p>}
          </div>
          <FormField id="mint-groups" name="groups" label="Groups" defaultValue={typed("groups")} error={errors.groups} hint="Optional, comma-separated, e.g. beta, staff. Empty leaves the claim out." autoComplete="off" />
        </div>
        <KindChoice name="kind" idPrefix="mint-kind" value={kind} onChange={setKind} error={errors.kind} />
        {!state.ok && <FormMessage message={state.message} />}
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Minting…" : "Mint test token"}
        </SubmitButton>
      </form>
      {state.ok && state.token && state.kind && (
        <MintedToken token={state.token} kind={state.kind} message={state.message ?? ""} helpCenterOrigin={helpCenterOrigin} ssoEnabled={ssoEnabled} requireRedirectKey={requireRedirectKey} />
      )}
    </div>
  );
}
