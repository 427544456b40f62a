"use client";

import { CopyButton } from "@/components/copy-button";
import type { TokenKind } from "@/lib/sso/verify-token";

interface Props {
  token: string;
  kind: TokenKind;
  message: string;
  helpCenterOrigin: string;
  ssoEnabled: boolean;
  requireRedirectKey: boolean;
}

/** A freshly minted test token, with a copy button and the way to try it for its kind. */
export function MintedToken({ token, kind, message, helpCenterOrigin, ssoEnabled, requireRedirectKey }: Props) {
  const signInUrl = `${helpCenterOrigin}/sso/jwt?jwt=${encodeURIComponent(token)}`;
  const curl = `curl -H "Authorization: Bearer ${token}" ${helpCenterOrigin}/api/widget/v1/articles`;

  return (
    <div className="mt-6 space-y-3 rounded-lg border border-green-200 bg-green-50 p-4">
      <p role="status" className="text-sm font-medium text-green-800">{message}</p>
      <p className="text-sm text-slate-700">
        This is a real token: whoever has it can act as this person until it expires. Do not paste it anywhere public.
      </p>
      <div>
        <label htmlFor="minted-token" className="block text-sm font-medium text-slate-800">Minted token</label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <textarea id="minted-token" readOnly rows={3} value={token} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs break-all" />
          <CopyButton text={token} describedWhat="Token" />
        </div>
      </div>

      {kind === "redirect" ? (
        <div className="text-sm">
          {/* noreferrer: no Referer from the dashboard, which "Only accept sign-ins from these domains" would refuse. */}
          <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
            <a href={signInUrl} target="_blank" rel="noreferrer" className="py-2 font-medium text-brand-700 underline">Try it in a private window</a>
            <CopyButton text={signInUrl} describedWhat="Sign-in link" />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            Open the link in a private window, or copy it and paste it into one, so this browser&apos;s own help-center session is left alone. A token works once.
          </p>
          {!ssoEnabled && <p className="mt-1 text-xs text-amber-800">SSO is off: /sso/jwt will refuse the token until you turn it on.</p>}
          {requireRedirectKey && (
            <p className="mt-1 text-xs text-amber-800">
              Your settings only accept sign-ins that start at the help center, so /sso/jwt will refuse this token (key_required): its jti is not a key we issued.
            </p>
          )}
        </div>
      ) : kind === "cookie" ? (
        <div className="text-sm text-slate-700">
          <p>
            To try it, your app sets it as the cookie <code>hc_jwt</code> on a parent domain it shares with the help center (for
            example <code>.example.com</code> for app.example.com and help.example.com); the next page of the help center then starts a
            session from it. This needs the help center on a custom domain under the same parent domain as your app.
          </p>
          {!ssoEnabled && <p className="mt-1 text-xs text-amber-800">SSO is off: the cookie will be refused until you turn it on.</p>}
          {requireRedirectKey && (
            <p className="mt-1 text-xs text-amber-800">
              Your settings only accept sign-ins that start at the help center, so the cookie will be refused (key_required).
            </p>
          )}
        </div>
      ) : (
        <div>
          <label htmlFor="minted-curl" className="block text-sm font-medium text-slate-800">Try it with curl</label>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row">
            <textarea id="minted-curl" readOnly rows={3} value={curl} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs break-all" />
            <CopyButton text={curl} describedWhat="Command" />
          </div>
          {!ssoEnabled && <p className="mt-1 text-xs text-amber-800">SSO is off: the widget API will refuse the token until you turn it on.</p>}
        </div>
      )}
    </div>
  );
}
