// Verifies a JWT SSO token against one tenant's settings. Pure: the secret, settings and clock are
// passed in; nothing here touches the network, the database or the environment.
//
// Checks run in a fixed order and the first failure decides the reason code, so the same token
// always gets the same answer: configuration → size and shape → signature (jose, HS256 only, which
// also checks that the required claims are present) → kind (the header's typ) → claim types → time
// → issuer → audience. Replay and redirect-key checks need storage and follow in sign-in.ts.
import { errors, jwtVerify, type JWTPayload } from "jose";
import { decodeJsonSegment } from "./json-segment";
import { parseProfileClaims, type EndUserProfile } from "./profile-claims";
import { isUsableSsoConfig } from "./sign-in-gate";
import type { RejectionReason } from "./reasons";
import { isCleanText } from "@/lib/text/control-characters";

export const MAX_TOKEN_BYTES = 8 * 1024;
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const MAX_VALIDITY_SECONDS = 24 * 60 * 60;
export const REQUIRED_CLAIMS = ["jti", "iat", "exp", "email", "name"] as const;

/**
 * The JWT header `typ` values that mark a token's use (explicit typing, RFC 8725 §3.11). A token
 * minted for one use is refused by the others: a widget token sits in the tenant's page scripts
 * and is reused until it ages out, so it must never start a session, neither at /sso/jwt nor as
 * the hc_jwt cookie; a redirect token carries no Gatehouse typ (any other typ, e.g. "JWT").
 */
export const WIDGET_TOKEN_TYPE = "gatehouse-widget+jwt";
export const COOKIE_TOKEN_TYPE = "gatehouse-cookie+jwt";
export type TokenKind = "redirect" | "widget" | "cookie";

/** RFC 7515 §4.1.9: typ is a media type, compared case-insensitively, "application/" optional. */
export function tokenKindOfHeaderType(typ: unknown): TokenKind {
  const type = typeof typ === "string" ? typ.toLowerCase().replace(/^application\//, "") : null;
  if (type === WIDGET_TOKEN_TYPE) return "widget";
  if (type === COOKIE_TOKEN_TYPE) return "cookie";
  return "redirect";
}

/**
 * Whether a refusal came before the kind check. jose judges the required claims' presence and the
 * time claims' types while it verifies the signature, before the kind is looked at; so a token of
 * the wrong kind refused for a claim never had its kind judged. (One of the right kind passed it,
 * or would have.) Used to report the checks in the order they really ran.
 */
export function refusedBeforeKindCheck(reason: RejectionReason, headerType: unknown, expected: TokenKind): boolean {
  return (reason === "missing_claim" || reason === "invalid_claim") && tokenKindOfHeaderType(headerType) !== expected;
}

const KIND_NEEDS: Record<TokenKind, string> = {
  redirect: "a sign-in token for /sso/jwt carries no Gatehouse typ in its header",
  widget: `a widget or API token needs the header typ "${WIDGET_TOKEN_TYPE}"`,
  cookie: `an hc_jwt cookie token needs the header typ "${COOKIE_TOKEN_TYPE}"`,
};

/** What a token_kind_mismatch says: what this place needs, and what the token was made for. */
export function kindMismatchDetail(expected: TokenKind, actual: TokenKind): string {
  const madeFor: Record<TokenKind, string> = { redirect: "a sign-in redirect", widget: "the widget and API", cookie: "the hc_jwt cookie" };
  return `${KIND_NEEDS[expected]}; this one was made for ${madeFor[actual]}`;
}

export interface SsoVerificationConfig {
  enabled: boolean;
  /** the shared secret in the clear; null when none was generated */
  secret: string | null;
  issuer: string | null;
  audience: string | null;
  tokenTtlSeconds: number;
  clockSkewSeconds: number;
}

export interface VerifiedToken {
  jti: string;
  iat: number;
  exp: number;
  /** as signed, for the log */
  iss: string | null;
  aud: string | null;
  profile: EndUserProfile;
}

export type TokenRejection = { ok: false; reason: RejectionReason; claim?: string; detail?: string };
export type TokenVerification = { ok: true; token: VerifiedToken } | TokenRejection;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The tenant's clock-skew leeway, clamped to 0…300 s whatever the stored value. */
export function effectiveLeeway(config: Pick<SsoVerificationConfig, "clockSkewSeconds">): number {
  return Math.min(Math.max(0, Math.trunc(config.clockSkewSeconds) || 0), MAX_CLOCK_SKEW_SECONDS);
}

function reject(reason: RejectionReason, extra: { claim?: string; detail?: string } = {}): TokenRejection {
  return { ok: false, reason, ...extra };
}

/** jose's refusals, mapped to our codes. Anything unexpected is a bug and is thrown. */
function mapJoseError(error: unknown): TokenRejection {
  if (error instanceof errors.JOSEAlgNotAllowed) return reject("alg_not_allowed");
  if (error instanceof errors.JOSENotSupported) return reject("unsupported_header");
  if (error instanceof errors.JWSSignatureVerificationFailed) return reject("bad_signature");
  if (error instanceof errors.JWSInvalid) return reject("token_malformed");
  if (error instanceof errors.JWTInvalid) return reject("claims_malformed");
  if (error instanceof errors.JWTClaimValidationFailed) {
    return reject(error.reason === "missing" ? "missing_claim" : "invalid_claim", { claim: error.claim });
  }
  throw error;
}

function isSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

function claimTypeProblem(payload: JWTPayload): string | null {
  if (typeof payload.jti !== "string" || payload.jti.length === 0 || payload.jti.length > 128 || !isCleanText(payload.jti)) return "jti";
  for (const claim of ["iat", "exp", "nbf"] as const) {
    if (claim === "nbf" && payload.nbf === undefined) continue;
    if (!isSeconds(payload[claim])) return claim;
  }
  return null;
}

/** iss and aud are logged and stored: strings (aud: or strings) without control characters. */
function issuerAudienceProblem(payload: JWTPayload): string | null {
  const clean = (value: unknown) => typeof value === "string" && value.length <= 512 && isCleanText(value);
  if (payload.iss !== undefined && !clean(payload.iss)) return "iss";
  if (payload.aud !== undefined && !(Array.isArray(payload.aud) ? payload.aud.length <= 20 && payload.aud.every(clean) : clean(payload.aud))) return "aud";
  return null;
}

/**
 * Remembers payloads whose signature (and required claims) jose already verified for one config,
 * so a reusable widget token costs one HMAC, not one per call. Only tokens that passed every check
 * are remembered, and only the time-independent result; every time, kind, type, issuer and audience
 * check still runs on every call.
 */
export interface SignatureMemo {
  get(config: SsoVerificationConfig, token: string): JWTPayload | undefined;
  set(config: SsoVerificationConfig, token: string, payload: JWTPayload): void;
}

// jose imports a raw secret into a WebCrypto key on every call; importing it once per configuration
// object saves that work on every sign-in. Keyed by the object: a reloaded configuration (a new
// secret) is a new object, and an unused one is garbage-collected with its key.
const hmacKeys = new WeakMap<SsoVerificationConfig, { secret: string; key: Promise<CryptoKey> }>();

function hmacKeyFor(config: SsoVerificationConfig, secret: string): Promise<CryptoKey> {
  const cached = hmacKeys.get(config);
  // The secret is compared too, so a configuration object edited in place can never keep an old key.
  if (cached && cached.secret === secret) return cached.key;
  const key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  hmacKeys.set(config, { secret, key });
  return key;
}

/** jose's part: the HS256 signature with the tenant's secret, and the required claims' presence. */
async function checkSignature(token: string, key: CryptoKey, now: Date, leeway: number): Promise<{ payload: JWTPayload } | TokenRejection> {
  try {
    // The key is this tenant's secret and nothing else: kid, jku, x5u, jwk and iss in the token
    // are never used to choose it. Only HS256 is allowed, which also refuses "none".
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      requiredClaims: [...REQUIRED_CLAIMS],
      currentDate: now,
      clockTolerance: leeway,
    });
    return { payload };
  } catch (error) {
    // jose judges exp and nbf as soon as their types are right, before our own type checks; a
    // time failure is only reported after them, in our order, so take its (verified) payload.
    const timeFailure =
      error instanceof errors.JWTExpired || (error instanceof errors.JWTClaimValidationFailed && error.reason === "check_failed");
    if (!timeFailure) return mapJoseError(error);
    return { payload: (error as errors.JWTClaimValidationFailed).payload };
  }
}

export async function verifySsoToken(
  token: string,
  config: SsoVerificationConfig | null,
  now: Date,
  kind: TokenKind = "redirect",
  memo?: SignatureMemo,
): Promise<TokenVerification> {
  if (!isUsableSsoConfig(config)) return reject("sso_not_configured");

  // Cheap checks before any cryptography: an attacker's megabyte of junk costs us nothing.
  if (Buffer.byteLength(token, "utf8") > MAX_TOKEN_BYTES) return reject("token_too_large");
  if (!COMPACT_JWS.test(token)) return reject("token_malformed");
  const header = decodeJsonSegment(token.slice(0, token.indexOf(".")));
  if (!header || typeof header.alg !== "string") return reject("token_malformed");
  // Critical extensions and unencoded payloads are features we do not offer; refuse them by name.
  if ("crit" in header || "b64" in header) return reject("unsupported_header");

  const leeway = effectiveLeeway(config);
  let payload: JWTPayload;
  const remembered = memo?.get(config, token);
  if (remembered) {
    payload = remembered;
  } else {
    const checked = await checkSignature(token, await hmacKeyFor(config, config.secret), now, leeway);
    if ("ok" in checked) return checked;
    payload = checked.payload;
  }

  // The header is signed, so its typ can be trusted from here on.
  const actualKind = tokenKindOfHeaderType(header.typ);
  if (actualKind !== kind) return reject("token_kind_mismatch", { detail: kindMismatchDetail(kind, actualKind) });

  const badType = claimTypeProblem(payload) ?? issuerAudienceProblem(payload);
  if (badType) return reject("invalid_claim", { claim: badType });
  const profile = parseProfileClaims(payload as Record<string, unknown>);
  if (!profile.ok) return reject("invalid_claim", { claim: profile.claim });

  const nowSeconds = Math.floor(now.getTime() / 1000);
  const iat = payload.iat as number;
  const exp = payload.exp as number;
  // A token that expires before it was issued is nonsense, whatever the clock says.
  if (exp <= iat) return reject("invalid_claim", { claim: "exp", detail: "exp is not after iat" });
  if (exp <= nowSeconds - leeway) return reject("token_expired", { detail: `expired ${nowSeconds - exp} s ago` });
  if (payload.nbf !== undefined && payload.nbf > nowSeconds + leeway) {
    return reject("not_yet_valid", { detail: `valid in ${payload.nbf - nowSeconds} s` });
  }
  if (iat > nowSeconds + leeway) return reject("iat_in_future", { detail: `iat is ${iat - nowSeconds} s ahead of our clock` });
  if (nowSeconds - iat > config.tokenTtlSeconds + leeway) {
    return reject("token_too_old", { detail: `issued ${nowSeconds - iat} s ago; Token TTL is ${config.tokenTtlSeconds} s` });
  }
  if (exp - iat > MAX_VALIDITY_SECONDS) return reject("exp_too_far", { detail: `exp is ${exp - iat} s after iat` });

  // The expected value goes in the detail (the log and the token tester show it; support staff
  // cannot open the SSO settings). Not secret, and only a token signed with the secret gets here.
  if (config.issuer !== null && payload.iss !== config.issuer) return reject("issuer_mismatch", { detail: `expected "${config.issuer}"` });
  if (config.audience !== null) {
    const aud = payload.aud;
    const matches = typeof aud === "string" ? aud === config.audience : Array.isArray(aud) && aud.includes(config.audience);
    if (!matches) return reject("audience_mismatch", { detail: `expected "${config.audience}"` });
  }

  // Signature and required claims hold for this token and secret at any time: safe to remember.
  // Only once every other check passed too, so junk signed with a real secret (expired, the wrong
  // kind, bad claims) costs its HMAC on each call and takes no room in the memo.
  if (!remembered) memo?.set(config, token, payload);
  const audience = Array.isArray(payload.aud) ? payload.aud.join(", ") : (payload.aud ?? null);
  return {
    ok: true,
    token: { jti: payload.jti as string, iat, exp, iss: typeof payload.iss === "string" ? payload.iss : null, aud: audience, profile: profile.profile },
  };
}
