// The JWT cookie flow: a tenant whose help center is on a custom domain sharing a parent domain
// with their app (help.example.com next to app.example.com) sets a first-party cookie `hc_jwt` on
// .example.com holding a cookie-kind token (header typ gatehouse-cookie+jwt; a widget token is
// refused there). The proxy notices it on a page load and sends the
// browser through /sso/cookie, which verifies it and starts a session.
//
// The proxy must not loop or re-run the flow on every page: /sso/cookie leaves a marker cookie
// saying which holder (on success) or which exact token (on refusal) it already handled. Pure:
// hashing uses Web Crypto, available to the proxy and route handlers alike.

import { decodeJsonSegment } from "./json-segment";
import { parseExternalId } from "./external-id";

export const JWT_COOKIE = "hc_jwt";

function payloadOf(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  return parts.length === 3 && token.length <= 8192 ? decodeJsonSegment(parts[1]) : null;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Buffer.from(digest).toString("base64url").slice(0, 32);
}

/**
 * The marker for "this person's session was started from the cookie": who the token names
 * (external id, else email), unverified — it only decides whether to look again, never who is
 * signed in. Null when the cookie names nobody (the flow would refuse it anyway).
 */
export async function holderMarker(token: string): Promise<string | null> {
  const holder = holderOf(token);
  return holder === null ? null : `h.${await sha256(holder)}`;
}

/** Who the token names, unverified: its external id, else its email; null when neither. */
function holderOf(token: string): string | null {
  const payload = payloadOf(token);
  // The external id as sign-in stores it (an integer id becomes its decimal text).
  const externalId = parseExternalId(payload?.external_id);
  return externalId ? `x:${externalId}` : typeof payload?.email === "string" ? `e:${payload.email.toLowerCase()}` : null;
}

/**
 * Whether the token names someone other than this signed-in person, by the key the marker uses
 * (external id, else email); false when it names nobody. Unverified: it only decides whether a
 * refused cookie ends the session of whoever is signed in.
 */
export function namesSomeoneElse(token: string, person: { externalId: string | null; email: string }): boolean {
  const holder = holderOf(token);
  if (holder === null) return false;
  return holder !== (holder.startsWith("x:") ? `x:${person.externalId}` : `e:${person.email.toLowerCase()}`);
}

/** The marker for "this exact token was refused": a new token is tried again, the same one is not. */
export async function tokenMarker(token: string): Promise<string> {
  return `t.${await sha256(token)}`;
}

/** Whether a page load should go through /sso/cookie: the cookie is there and was not handled yet. */
export async function jwtCookieNeedsHandling(token: string | undefined, marker: string | undefined): Promise<boolean> {
  if (!token) return false;
  if (marker && (marker === (await tokenMarker(token)) || marker === (await holderMarker(token)))) return false;
  return true;
}

/**
 * Whether a page load whose session cookie names a session that has ended should go through
 * /sso/cookie again: the marker says this person's cookie started that session, so the proxy
 * skips the cookie, and an admin ended the session early (Sign everyone out, Suspend, People's
 * Sign out everywhere). Without this the cookie would stay ignored for the rest of the marker's
 * life. /sso/cookie then starts a new session or, refusing, replaces the marker: it never loops.
 * Signing out deletes the session cookie itself, so the caller never asks for a visitor who did.
 */
export async function endedSessionResumesFromJwtCookie(token: string | undefined, marker: string | undefined): Promise<boolean> {
  if (!token || !marker) return false;
  return marker === (await holderMarker(token));
}
