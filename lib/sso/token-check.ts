// "Test a token" (Settings → Security → SSO): the checks /sso/jwt (the widget API, the hc_jwt cookie) would run on
// a pasted token, against the tenant's current settings, each reported in order as passed, failed
// or not reached; the failed one with the same plain explanation and fix the Logs page gives.
// Pure and read-only by construction: the verdict is verifySsoToken's own, and the replay and
// redirect-key state comes from a lookup the caller passes in, which must never claim the jti.
import { decodeJwt, decodeProtectedHeader } from "jose";
import { duration, explainEvent, utc, VERIFICATION_STEPS } from "@/lib/logs/explain-event";
import { signatureWasVerified, type RejectionReason } from "./reasons";
import { COOKIE_TOKEN_TYPE, refusedBeforeKindCheck, verifySsoToken, WIDGET_TOKEN_TYPE, type SsoVerificationConfig, type TokenKind, type TokenRejection } from "./verify-token";

export type CheckStatus = "passed" | "failed" | "not reached";

export interface CheckStep {
  label: string;
  status: CheckStatus;
  /** what was found, for a passed step (e.g. "No Issuer set: any iss is accepted.") */
  note?: string;
}

/** What storage knows about a jti, read without changing anything. */
export interface TokenIdState {
  /** a sign-in already spent this jti */
  used: boolean;
  /** the redirect key this jti is, when the help center issued it */
  key: { expiresAt: Date; usedAt: Date | null } | null;
}

export interface TokenCheckConfig extends SsoVerificationConfig {
  requireRedirectKey: boolean;
}

export interface TokenTime {
  claim: "iat" | "nbf" | "exp";
  seconds: number;
  utc: string;
  /** "4 min 30 s ago", "in 2 min" */
  relative: string;
}

export interface TokenCheckReport {
  kind: TokenKind;
  ok: boolean;
  steps: CheckStep[];
  failure: { reason: RejectionReason; check: string; explanation: string; fix: string } | null;
  /** false: the header and claims below are only what the token says about itself */
  signatureVerified: boolean;
  /** decoded, never the signature */
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  times: TokenTime[];
}

export interface TokenCheckRequest {
  token: string;
  /** null: the tenant has no SSO configuration */
  config: TokenCheckConfig | null;
  now: Date;
  kind: TokenKind;
  /** read-only; only called for a redirect token that verified */
  lookUpTokenId: (jti: string) => Promise<TokenIdState>;
}

type StepId = "configuration" | "shape" | "signature" | "kind" | "claims" | "times" | "issuer" | "audience" | "replay" | "key";

interface StepDefinition {
  id: StepId;
  label: string;
  reasons: readonly RejectionReason[];
  /** the kinds of token this check applies to; all when absent */
  kinds?: readonly TokenKind[];
}

// The Logs page's steps (one definition of what a check is called), minus those a pasted token
// cannot fail ("exactly one token") or that would need the user (suspended, conflict); issuer and
// audience apart, as they are separate settings.
const logStep = (id: StepId, reason: RejectionReason): StepDefinition => ({ id, ...VERIFICATION_STEPS.find((step) => step.reasons.includes(reason))! });
const STEPS: readonly StepDefinition[] = [
  logStep("configuration", "sso_not_configured"),
  logStep("shape", "token_malformed"),
  logStep("signature", "bad_signature"),
  logStep("kind", "token_kind_mismatch"),
  logStep("claims", "invalid_claim"),
  logStep("times", "token_expired"),
  { id: "issuer", label: "Issuer (iss) matches the Issuer setting", reasons: ["issuer_mismatch"] },
  { id: "audience", label: "Audience (aud) matches the Audience setting", reasons: ["audience_mismatch"] },
  { ...logStep("replay", "jti_replayed"), kinds: ["redirect"] },
  // A cookie sign-in never starts at the help center, so "Only accept sign-ins that start at the
  // help center" refuses it too.
  { ...logStep("key", "key_required"), kinds: ["redirect", "cookie"] },
];

type Notes = Partial<Record<StepId, string>>;
const MAX_DECODED_CHARS = 64 * 1024;

function decode(token: string): { header: Record<string, unknown> | null; claims: Record<string, unknown> | null } {
  if (token.length > MAX_DECODED_CHARS) return { header: null, claims: null };
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch {
      return null;
    }
  };
  return {
    header: attempt(() => decodeProtectedHeader(token) as Record<string, unknown>),
    claims: attempt(() => decodeJwt(token) as Record<string, unknown>),
  };
}

function relative(seconds: number, nowSeconds: number): string {
  if (seconds === nowSeconds) return "just now";
  return seconds > nowSeconds ? `in ${duration(seconds - nowSeconds)}` : `${duration(nowSeconds - seconds)} ago`;
}

function timesOf(claims: Record<string, unknown> | null, now: Date): TokenTime[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return (["iat", "nbf", "exp"] as const).flatMap((claim) => {
    const value = claims?.[claim];
    return typeof value === "number" && Number.isFinite(value) ? [{ claim, seconds: value, utc: utc(value), relative: relative(value, nowSeconds) }] : [];
  });
}

/** The replay and redirect-key decisions of lib/sso/sign-in.ts, on state read without claiming. */
function storageVerdict(state: TokenIdState, config: TokenCheckConfig, now: Date): { reason: RejectionReason } | { notes: Notes } {
  if (state.used || state.key?.usedAt) return { reason: "jti_replayed" };
  const replay = "Not used yet. Testing does not use it up.";
  if (state.key) {
    if (state.key.expiresAt.getTime() <= now.getTime()) return { reason: "key_expired" };
    const key = `The jti is a redirect key we issued, unused, valid until ${utc(state.key.expiresAt.getTime() / 1000)}. At sign-in it must come back in the browser it was issued to.`;
    return { notes: { replay, key } };
  }
  if (config.requireRedirectKey) return { reason: "key_required" };
  return { notes: { replay, key: "Not required by your settings: sign-ins started by your app (IdP-initiated) are accepted." } };
}

const KIND_NOTES: Record<TokenKind, string> = {
  redirect: "No Gatehouse typ in the header: a sign-in token.",
  widget: `The header typ is "${WIDGET_TOKEN_TYPE}".`,
  cookie: `The header typ is "${COOKIE_TOKEN_TYPE}".`,
};

const EVENT_TYPES: Record<TokenKind, string> = {
  redirect: "sso.redirect_flow.rejected",
  widget: "widget_jwt.rejected",
  cookie: "sso.cookie_flow.rejected",
};

function settingNotes(config: TokenCheckConfig | null, kind: TokenKind): Notes {
  if (!config) return {};
  return {
    signature: "HS256, signed with the current shared secret.",
    kind: KIND_NOTES[kind],
    issuer: config.issuer === null ? "No Issuer set: any iss is accepted." : `iss is "${config.issuer}".`,
    audience: config.audience === null ? "No Audience set: any aud is accepted." : `aud includes "${config.audience}".`,
  };
}

export async function checkToken(request: TokenCheckRequest): Promise<TokenCheckReport> {
  const { token, config, now, kind } = request;
  const { header, claims } = decode(token);
  const steps = STEPS.filter((step) => !step.kinds || step.kinds.includes(kind));

  let rejection: TokenRejection | null = null;
  let notes = settingNotes(config, kind);
  const verified = await verifySsoToken(token, config, now, kind);
  if (!verified.ok) rejection = verified;
  else if (kind === "redirect") {
    const verdict = storageVerdict(await request.lookUpTokenId(verified.token.jti), config!, now);
    if ("reason" in verdict) rejection = { ok: false, reason: verdict.reason };
    else notes = { ...notes, ...verdict.notes };
  } else if (kind === "cookie") {
    if (config!.requireRedirectKey) rejection = { ok: false, reason: "key_required" };
    else notes = { ...notes, key: "Not required by your settings: the hc_jwt cookie may start a session." };
  }

  const failedAt = rejection ? steps.findIndex((step) => step.reasons.includes(rejection.reason)) : steps.length;
  // jose judges missing claims and claim types before verify-token looks at the kind, so such a
  // token was refused before its kind was checked: say so instead of calling the kind "passed".
  const kindUnchecked = rejection !== null && refusedBeforeKindCheck(rejection.reason, header?.typ, kind);
  const report: TokenCheckReport = {
    kind,
    ok: rejection === null,
    steps: steps.map((step, index): CheckStep => {
      if (index > failedAt || (step.id === "kind" && kindUnchecked)) return { label: step.label, status: "not reached" };
      if (index === failedAt) return { label: step.label, status: "failed" };
      const note = notes[step.id];
      return note ? { label: step.label, status: "passed", note } : { label: step.label, status: "passed" };
    }),
    failure: null,
    signatureVerified: rejection === null || signatureWasVerified(rejection.reason),
    header,
    claims,
    times: timesOf(claims, now),
  };

  if (rejection) {
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    const explained = explainEvent({
      occurredAt: now,
      eventType: EVENT_TYPES[kind],
      outcome: "rejected",
      reasonCode: rejection.reason,
      iss: text(claims?.iss),
      aud: Array.isArray(claims?.aud) ? claims.aud.filter((value) => typeof value === "string").join(", ") : text(claims?.aud),
      jti: text(claims?.jti),
      details: { iat: claims?.iat, exp: claims?.exp, nbf: claims?.nbf, claim: rejection.claim, detail: rejection.detail },
    });
    report.failure = { reason: rejection.reason, check: steps[failedAt]!.label, explanation: explained.explanation, fix: explained.fix ?? "" };
  }
  return report;
}
