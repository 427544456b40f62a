// The two questions every way in (/sso/jwt, the hc_jwt cookie, the widget and read API, /sso/login)
// asks before it looks at a token: can this tenant's SSO sign anyone in at all, and did this
// sign-in come from a page the tenant allows. Answered once, here.
import { headerHostname, signInSourceAllowed } from "./allowed-domains";

export interface SignInSourceHeaders {
  origin: string | null;
  referer: string | null;
}

/** Whether these settings can verify a token: SSO on and a secret set. If not: sso_not_configured. */
export function isUsableSsoConfig<C extends { enabled: boolean; secret: string | null }>(config: C | null | undefined): config is C & { secret: string } {
  return Boolean(config && config.enabled && config.secret);
}

export interface SsoSetup {
  enabled: boolean;
  hasSecret: boolean;
  loginUrl: string | null;
}

/**
 * How far a tenant's SSO is set up, as the dashboard tells it: `off` (off, or no secret: no token
 * is accepted), `tokens-only` (tokens work for the widget, the read API and links to /sso/jwt,
 * but without a Login URL the help center cannot start a sign-in), `working`.
 */
export function ssoSetupState(setup: SsoSetup | null | undefined): "off" | "tokens-only" | "working" {
  if (!setup?.enabled || !setup.hasSecret) return "off";
  return setup.loginUrl ? "working" : "tokens-only";
}

/**
 * Whether the help center can start a sign-in (ssoSetupState `working`): what a private help
 * center needs, and what a public one needs to offer Sign in.
 */
export function isWorkingConfiguration(setup: SsoSetup | null | undefined): boolean {
  return ssoSetupState(setup) === "working";
}

/** For the log: the hostnames only (a Referer's path and query may hold anything, tokens included). */
export function describeSignInSource({ origin, referer }: SignInSourceHeaders): string {
  const describe = (value: string | null) => (value === null ? "none" : (headerHostname(value) ?? "unreadable"));
  return `Origin: ${describe(origin)}, Referer: ${describe(referer)}`;
}

/**
 * origin_not_allowed, with the hostnames seen, when the tenant turned on "Only accept sign-ins from
 * these domains" and this request's Origin or Referer is outside them; null when it may go on.
 */
export function signInSourceRefusal(
  config: { restrictSignInOrigins: boolean; allowedDomains: readonly string[] },
  source: SignInSourceHeaders,
  helpCenterHostname: string,
): { reason: "origin_not_allowed"; detail: string } | null {
  if (!config.restrictSignInOrigins || signInSourceAllowed(source, helpCenterHostname, config.allowedDomains)) return null;
  return { reason: "origin_not_allowed", detail: describeSignInSource(source) };
}
