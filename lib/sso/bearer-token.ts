// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1). Pure.
import type { RejectionReason } from "./reasons";

export type BearerRead = { ok: true; token: string } | { ok: false; reason: Extract<RejectionReason, "token_missing" | "token_malformed"> };

// The scheme is case-insensitive; one or more spaces; then the b64token and nothing after it.
// Two Authorization headers arrive joined by ", " and so fail the pattern: one token per request.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export function readBearerToken(header: string | null): BearerRead {
  if (header === null || header.trim() === "") return { ok: false, reason: "token_missing" };
  const match = BEARER.exec(header.trim());
  return match ? { ok: true, token: match[1]! } : { ok: false, reason: "token_malformed" };
}
