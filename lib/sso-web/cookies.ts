import "server-only";
import { env } from "@/lib/env";
import { normalizeHostname } from "@/lib/tenant/host";

// Cookies of the help-center host. On https they get Secure and the __Host- prefix, which the
// browser enforces: host-only (no Domain), Path=/, Secure. Nothing is shared with sibling tenants.

const appUrl = new URL(env.APP_URL);
export const SECURE_COOKIES = appUrl.protocol === "https:";
const prefix = SECURE_COOKIES ? "__Host-" : "";

/** The end user's help-center session (an opaque random value; the database holds its hash). */
export const SESSION_COOKIE = `${prefix}gh_session`;
/** Binds redirect keys to the browser that started the flow. */
export const BINDING_COOKIE = `${prefix}gh_sso_binding`;
/** Set when we bounced a failed sign-in back to the Login URL, so the next failure cannot bounce again. */
export const BOUNCE_COOKIE = `${prefix}gh_sso_bounce`;
/** Set when /sso/logout sent the browser to the Logout URL, so a Logout URL that sends it straight back cannot loop. */
export const SENT_TO_LOGOUT_URL_COOKIE = `${prefix}gh_sso_signed_out`;
/** Which hc_jwt cookie (holder or exact token) /sso/cookie already handled: see lib/sso/jwt-cookie.ts. */
export const JWT_COOKIE_MARKER = `${prefix}gh_hc_jwt_seen`;

export interface CookieOptions {
  httpOnly: true;
  secure: boolean;
  sameSite: "lax" | "none";
  path: "/";
  maxAge: number;
}

/** A first-party cookie of the help-center host: SameSite=Lax. */
export function cookieOptions(maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, secure: SECURE_COOKIES, sameSite: "lax", path: "/", maxAge: maxAgeSeconds };
}

/**
 * Whether the browser treats the request's host as a secure context, where it keeps Secure
 * cookies: every host on https (Gatehouse serves them all with APP_URL's scheme), and on plain
 * http only localhost and *.localhost. A custom domain on plain http is not one, even when the
 * subdomains of a localhost APP_URL are: a Secure cookie set there is dropped by the browser.
 */
function isSecureContextHost(request: { headers: Pick<Headers, "get"> }): boolean {
  if (SECURE_COOKIES) return true;
  const hostname = normalizeHostname(request.headers.get("host"));
  return hostname === "localhost" || (hostname?.endsWith(".localhost") ?? false);
}

/**
 * A cookie that must also come back on a cross-site POST to the help center (a tenant that POSTs
 * the token from its own site): SameSite=None, which needs Secure, which needs a secure context.
 * Elsewhere Lax is the only choice, and a cross-site POST back to /sso/jwt cannot carry it.
 */
export function crossSiteCookieOptions(maxAgeSeconds: number, request: { headers: Pick<Headers, "get"> }): CookieOptions {
  if (isSecureContextHost(request)) return { httpOnly: true, secure: true, sameSite: "none", path: "/", maxAge: maxAgeSeconds };
  return cookieOptions(maxAgeSeconds);
}

/** Opaque values we issue are 32 base64url characters; anything else in a cookie is ignored. */
export function readOpaqueCookie(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{32}$/.test(value) ? value : null;
}

/**
 * Expires a cookie with the attributes it was set with: a __Host- cookie is only replaced (and so
 * only deleted) by a Set-Cookie that carries Secure and Path=/ too.
 */
export function expiredCookieOptions(): CookieOptions {
  return cookieOptions(0);
}

export function expiredCrossSiteCookieOptions(request: { headers: Pick<Headers, "get"> }): CookieOptions {
  return crossSiteCookieOptions(0, request);
}
