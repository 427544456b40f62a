"use client";

import type { TokenKind } from "@/lib/sso/verify-token";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form-field";
import { testToken, type TestTokenState } from "../actions";
import { KindChoice } from "./kind-choice";
import { TokenCheckReportView } from "./token-check-report";
import { SubmitButton } from "@/components/submit-button";

/**
 * "Test a token": the token goes to the server in the POST body of a server action, never in a
 * URL. The fields are controlled so the pasted token stays in place next to its report.
 */
export function TokenTester({ subdomain }: { subdomain: string }) {
  const [state, action, pending] = useActionState<TestTokenState, FormData>(testToken.bind(null, subdomain), {});
  const [token, setToken] = useState("");
  const [kind, setKind] = useState<TokenKind>("redirect");
  const error = state.fieldErrors?.token;

  return (
    <div>
      <form action={action} noValidate className="mt-4 space-y-4">
        <div>
          <label htmlFor="tester-token" className="block text-sm font-medium text-slate-800">Token</label>
          <textarea
            id="tester-token"
            name="token"
            rows={4}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            placeholder="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…"
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="none"
            aria-invalid={error ? true : undefined}
            aria-describedby={["tester-token-hint", error ? "tester-token-error" : null].filter(Boolean).join(" ")}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs break-all focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
          />
          <p id="tester-token-hint" className="mt-1 text-xs text-slate-500">
            Checked against your current settings and secret. Testing does not use the token up, sign anyone in or write to the logs.
          </p>
          {error && <p id="tester-token-error" className="mt-1 text-sm text-red-700">{error}</p>}
        </div>
        <KindChoice name="kind" idPrefix="tester-kind" value={kind} onChange={setKind} error={state.fieldErrors?.kind} />
        {!state.ok && <FormMessage message={state.message} />}
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Testing…" : "Test token"}
        </SubmitButton>
      </form>
      {state.ok && state.report && <TokenCheckReportView report={state.report} />}
    </div>
  );
}
