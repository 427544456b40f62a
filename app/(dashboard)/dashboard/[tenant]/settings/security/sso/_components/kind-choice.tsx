"use client";

import type { TokenKind } from "@/lib/sso/verify-token";

type Kind = TokenKind;

const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: "redirect", label: "Sign-in redirect", hint: "sent to /sso/jwt; used once" },
  { value: "widget", label: "Widget / API", hint: 'header typ "gatehouse-widget+jwt"; sent as a Bearer token' },
  { value: "cookie", label: "hc_jwt cookie", hint: 'header typ "gatehouse-cookie+jwt"; set by your app on a shared parent domain' },
];

/** The kinds of token, as radio buttons (shared by the tester and the minter). */
export function KindChoice({ name, idPrefix, value, onChange, error }: { name: string; idPrefix: string; value: Kind; onChange: (kind: Kind) => void; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Kind of token</legend>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {KINDS.map((kind) => (
          <label key={kind.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name={name} value={kind.value} checked={value === kind.value} onChange={() => onChange(kind.value)} className="mt-1" />
            <span>
              {kind.label} <span className="text-xs text-slate-500">({kind.hint})</span>
            </span>
          </label>
        ))}
      </div>
      {error && <p id={`${idPrefix}-error`} className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
