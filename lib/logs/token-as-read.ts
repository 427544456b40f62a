// "The token, as read" on an event's detail page: the header and the claims the log keeps, or in
// words why there are none. Pure.
import { utc } from "./explain-event";
import type { LoggedEvent } from "./logged-event";

export type TokenFields = Pick<LoggedEvent, "iss" | "aud" | "jti" | "email" | "externalId" | "details">;

export interface TokenAsRead {
  /** null: the header shows `headerNote` instead */
  header: Record<string, unknown> | null;
  headerNote: string;
  /** null: the claims show `claimsNote` instead */
  claims: Record<string, unknown> | null;
  claimsNote: string;
}

/** The Test a token panel's words (Settings → Security → SSO) for a part that does not decode. */
export const NOT_DECODED = "Could not be decoded.";
/** No token was read: the request was refused before it, or the event keeps no header. */
export const NOTHING_READ = "—";
const NO_KEPT_CLAIMS = "None could be read (the log keeps iss, aud, jti, email, external_id, iat, nbf and exp).";

/** The claims the log keeps of a token, its times also shown in UTC. */
export function keptClaims(event: TokenFields): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  const set = (name: string, value: unknown) => {
    if (value !== null && value !== undefined) claims[name] = value;
  };
  set("iss", event.iss);
  set("aud", event.aud);
  set("jti", event.jti);
  set("email", event.email);
  set("external_id", event.externalId);
  for (const name of ["iat", "nbf", "exp"]) {
    const value = event.details[name];
    if (typeof value === "number") claims[name] = `${value} (${utc(value)})`;
  }
  return claims;
}

export function tokenAsRead(event: TokenFields): TokenAsRead {
  // A refused token's header is always logged, as what could be decoded of it: {} when nothing
  // could (jwt=garbage), absent when no token was read at all.
  const logged = event.details.header;
  const header = typeof logged === "object" && logged !== null && !Array.isArray(logged) ? (logged as Record<string, unknown>) : null;
  const headerDecoded = header !== null && Object.keys(header).length > 0;
  const claims = keptClaims(event);
  const hasClaims = Object.keys(claims).length > 0;
  return {
    header: headerDecoded ? header : null,
    headerNote: header === null ? NOTHING_READ : NOT_DECODED,
    claims: hasClaims ? claims : null,
    claimsNote: header === null ? NOTHING_READ : headerDecoded ? NO_KEPT_CLAIMS : NOT_DECODED,
  };
}
