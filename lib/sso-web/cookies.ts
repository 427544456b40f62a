import "server-only";
import { env } from "@/lib/env";

// Cookies of the help-center host. On https they get Secure and the __Host- prefix, which the
// browser enforces: host-only (no Domain), Path=/, Secure. Nothing is shared with sibling tenants.

const appUrl = new URL(env.APP_URL);
export const SECURE_COOKIES = appUrl.protocol === "https:";
// Browsers treat http://localhost and http://*.localhost as secure contexts and accept Secure
// cookies there, which is what lets SameSite=None work in local development.
const SECURE_CONTEXT = SECURE_COOKIES || appUrl.hostname === "localhost" || appUrl.hostname.endsWith(".localhost");
const prefix = SECURE_COOKIES ? "__Host-" : "";

/** The end user's help-center session (an opaque random value; the database holds its hash). */
export const SESSION_COOKIE = `${prefix}gh_session`;
/** Binds redirect keys to the browser that started the flow. */
export const BINDING_COOKIE = `${prefix}gh_sso_binding`;
/** Set when we bounced a failed sign-in back to the Login URL, so the next failure cannot bounce again. */
export const BOUNCE_COOKIE = `${prefix}gh_sso_bounce`;
/** Which hc_jwt cookie (holder or exact token) /sso/cookie already handled: see lib/sso/jwt-cookie.ts. */
export const JWT_COOKIE_MARKER = `${prefix}gh_hc_jwt_seen`;

export interface CookieOptions {
  httpOnly: true;
  secure: boolean;
  sameSite: "lax" | "none";
  path: "/";
  maxAge: number;
}

export function cookieOptions(maxAgeSeconds: number, sameSite: "lax" | "none" = "lax"): CookieOptions {
  // SameSite=None needs Secure, which needs a secure context; elsewhere (plain http on a real
  // host name) Lax is the only choice, and a cross-site POST back to /sso/jwt cannot carry it.
  if (sameSite === "none" && SECURE_CONTEXT) return { httpOnly: true, secure: true, sameSite: "none", path: "/", maxAge: maxAgeSeconds };
  return { httpOnly: true, secure: SECURE_COOKIES, sameSite: "lax", path: "/", maxAge: maxAgeSeconds };
}

/** Opaque values we issue are 32 base64url characters; anything else in a cookie is ignored. */
export function readOpaqueCookie(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{32}$/.test(value) ? value : null;
}

/**
 * Expires a cookie with the attributes it was set with: a __Host- cookie is only replaced (and so
 * only deleted) by a Set-Cookie that carries Secure and Path=/ too.
 */
export function expiredCookieOptions(sameSite: "lax" | "none" = "lax"): CookieOptions {
  return cookieOptions(0, sameSite);
}
