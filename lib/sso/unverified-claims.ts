// What can be read from a token without trusting it, for the log: who it claims to be and when it
// claims it was made. Never the token, never its signature. Every value is clipped and cleaned,
// because an attacker writes all of it.
import { decodeJsonSegment } from "./json-segment";

export interface UnverifiedTokenInfo {
  header: { alg?: string; typ?: string; kid?: string };
  email?: string;
  externalId?: string;
  jti?: string;
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  nbf?: number;
}

const MAX_TEXT = 256;

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  // Lone surrogates and NUL cannot be stored in PostgreSQL's jsonb: an attacker's header must not
  // be able to break the log insert. Clipped without cutting a surrogate pair in half.
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
  const clipped = clean.slice(0, MAX_TEXT);
  return /[\ud800-\udbff]$/.test(clipped) ? clipped.slice(0, -1) : clipped;
}

function numeric(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function readUnverifiedToken(token: string | null | undefined): UnverifiedTokenInfo {
  if (!token || token.length > 64 * 1024) return { header: {} };
  const [headerPart, payloadPart] = token.split(".");
  const header = decodeJsonSegment(headerPart) ?? {};
  const payload = decodeJsonSegment(payloadPart) ?? {};
  const aud = Array.isArray(payload.aud) ? payload.aud.map(text).filter(Boolean).join(", ").slice(0, MAX_TEXT) : text(payload.aud);
  const info: UnverifiedTokenInfo = {
    header: { alg: text(header.alg), typ: text(header.typ), kid: text(header.kid) },
    email: text(payload.email),
    externalId: text(payload.external_id),
    jti: text(payload.jti),
    iss: text(payload.iss),
    aud: aud || undefined,
    iat: numeric(payload.iat),
    exp: numeric(payload.exp),
    nbf: numeric(payload.nbf),
  };
  return JSON.parse(JSON.stringify(info)) as UnverifiedTokenInfo; // drops undefined fields
}
