// What support staff read on an event's detail page: which check failed, what happened in plain
// words (with the numbers from the token and the time it arrived), and what to fix. Pure.
import { formatUtcSeconds } from "@/lib/format-when";
import { startedAtFromDetail } from "@/lib/sso/key-mismatch";
import { REASONS, REJECTION_REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { refusedBeforeKindCheck, type TokenKind } from "@/lib/sso/verify-token";

/** The kind of token each rejection event's endpoint expects. */
const EXPECTED_KIND: Record<string, TokenKind> = {
  "sso.redirect_flow.rejected": "redirect",
  "sso.cookie_flow.rejected": "cookie",
  "widget_jwt.rejected": "widget",
};

/** The checks /sso/jwt runs, in order (lib/sso/verify-token.ts, then lib/sso/sign-in.ts). */
export const VERIFICATION_STEPS: readonly { label: string; reasons: readonly RejectionReason[] }[] = [
  { label: "Single sign-on is on, with a shared secret", reasons: ["sso_not_configured"] },
  { label: "The request comes from an allowed site", reasons: ["origin_not_allowed"] },
  { label: "Exactly one token in the request", reasons: ["token_missing", "token_ambiguous"] },
  { label: "Size (at most 8 KiB) and JWT shape", reasons: ["token_too_large", "token_malformed"] },
  { label: "HS256 signature made with the shared secret", reasons: ["alg_not_allowed", "unsupported_header", "bad_signature", "claims_malformed"] },
  { label: "The right kind of token (sign-in redirect, widget or cookie)", reasons: ["token_kind_mismatch"] },
  { label: "Required claims present, with the right types", reasons: ["missing_claim", "invalid_claim"] },
  { label: "Token times: exp, nbf, iat and the Token TTL", reasons: ["token_expired", "not_yet_valid", "iat_in_future", "token_too_old", "exp_too_far"] },
  { label: "Issuer and audience", reasons: ["issuer_mismatch", "audience_mismatch"] },
  { label: "Not used before (jti)", reasons: ["jti_replayed"] },
  { label: "Started at the help center (redirect key)", reasons: ["key_expired", "key_mismatch", "key_required"] },
  { label: "The user may sign in", reasons: ["user_suspended", "user_conflict"] },
];

/**
 * Refused at the start of a sign-in (/sso/login), before any token exists: its own short list,
 * so an event from there does not claim that token checks passed.
 */
export const START_STEPS: readonly { label: string; reasons: readonly RejectionReason[] }[] = [
  { label: "Single sign-on is on, with a shared secret and a Login URL", reasons: ["sso_not_configured"] },
  { label: "Not too many unfinished sign-ins started from one address", reasons: ["too_many_sign_in_starts"] },
];

/** A start refused with SSO on and a secret set: only the Login URL is missing. */
const NO_LOGIN_URL_FIX =
  "Set the Login URL in Settings → Security → SSO. If readers should only come in through your app (SSO for the widget and API alone), nothing should link to /sso/login: find the link this visitor followed.";

/**
 * "not checked": the request got past this step without it running (the origin check with the
 * restriction off); "conditional": it ran only if a setting was on, and the event does not say
 * whether it was.
 */
export type StepStatus = "passed" | "failed" | "not reached" | "not checked" | "conditional";

export interface ExplainedStep {
  label: string;
  status: StepStatus;
  /** why a step was not checked, or when it would have been */
  note?: string;
}

export interface ExplainableEvent {
  occurredAt: Date;
  eventType: string;
  outcome: string;
  reasonCode: string | null;
  iss: string | null;
  aud: string | null;
  jti: string | null;
  details: Record<string, unknown>;
}

export interface Explanation {
  /** The failed check, or null when nothing failed. */
  failedCheck: string | null;
  steps: ExplainedStep[];
  explanation: string;
  fix: string | null;
}

function isReason(value: string | null): value is RejectionReason {
  return value !== null && (REJECTION_REASONS as readonly string[]).includes(value);
}

function seconds(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** "95 s", "12 min 5 s", "3 h 20 min", "2 days 4 h". */
export function duration(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  const days = Math.floor(s / 86400);
  return `${days} day${days === 1 ? "" : "s"}${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ""}`;
}

/** Clock offsets read best in seconds ("95 s"), the unit NTP tools report, up to an hour. */
export function clockOffset(secondsAhead: number): string {
  const s = Math.round(Math.abs(secondsAhead));
  return s < 3600 ? `${s} s` : duration(s);
}

export function utc(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return Number.isNaN(date.getTime()) ? String(epochSeconds) : `${formatUtcSeconds(date)} UTC`;
}

// Seconds since 1970 stay below 10^11 until the year 5138; a value above that is milliseconds.
const looksLikeMilliseconds = (value: number | undefined) => value !== undefined && value > 1e11;

function specificExplanation(reason: RejectionReason, event: ExplainableEvent): string | null {
  const arrived = event.occurredAt.getTime() / 1000;
  const iat = seconds(event.details.iat);
  const exp = seconds(event.details.exp);
  const nbf = seconds(event.details.nbf);
  const claim = typeof event.details.claim === "string" ? event.details.claim : null;
  const detail = typeof event.details.detail === "string" ? event.details.detail : null;
  switch (reason) {
    case "iat_in_future":
      if (iat === undefined) return null;
      if (looksLikeMilliseconds(iat)) return `The token's iat (${iat}) looks like milliseconds; JWT times are in seconds.`;
      return `The token says it was issued at ${utc(iat)}, after it reached us: the signing server's clock is ahead of ours by about ${clockOffset(iat - arrived)}. Check its NTP.`;
    case "token_expired":
      if (exp === undefined) return null;
      return `The token expired at ${utc(exp)} and reached us ${duration(arrived - exp)} later.`;
    case "token_too_old":
      if (iat === undefined) return detail ? `The token was too old when it arrived (${detail}).` : null;
      return `The token was issued at ${utc(iat)}, ${duration(arrived - iat)} before it reached us${detail?.includes("Token TTL") ? ` (${detail.split("; ")[1]})` : ""}, longer than the Token TTL allows.`;
    case "not_yet_valid":
      if (nbf === undefined) return null;
      return `The token is not valid before ${utc(nbf)}, ${clockOffset(nbf - arrived)} after it reached us: the signing server's clock may be ahead, or nbf was set in the future.`;
    case "exp_too_far":
      if (looksLikeMilliseconds(exp)) return `The token's exp (${exp}) looks like milliseconds; JWT times are in seconds.`;
      if (exp === undefined || iat === undefined) return null;
      return `The token is valid for ${duration(exp - iat)} after iat; at most 24 hours is accepted.`;
    case "bad_signature":
      return "The token's signature does not match this help center's shared secret: it was signed with a different secret (an old one, or another environment's).";
    case "missing_claim":
      return claim ? `The token has no \`${claim}\` claim.` : null;
    case "invalid_claim":
      return claim ? `The \`${claim}\` claim has the wrong type or format${detail ? ` (${detail})` : ""}.` : null;
    // `expected "…"`: the setting when the token was refused (entries from before that have none).
    case "issuer_mismatch":
      return `The token's issuer (iss) was ${event.iss ? `"${event.iss}"` : "missing"}, which is not the Issuer set for this help center${expectedSetting(detail)}.`;
    case "audience_mismatch":
      return `The token's audience (aud) was ${event.aud ? `"${event.aud}"` : "missing"}, which does not include the Audience set for this help center${expectedSetting(detail)}.`;
    case "origin_not_allowed":
      // "Origin: …, Referer: …" as the request carried them: the site to add, or the one to ask about.
      return detail ? `The request came with ${detail}; "Only accept sign-ins from these domains" is on, and at least one of them is not this help center or one of its Allowed domains.` : null;
    case "sso_not_configured":
      // What was missing, when the endpoint said (the start of a sign-in without a Login URL).
      return detail;
    case "key_mismatch": {
      // lib/sso/key-mismatch.ts wrote which cause it was (entries from before that have none).
      const startedAt = startedAtFromDetail(detail);
      if (startedAt) return `The sign-in started at ${startedAt}, but the token was sent to another address of this help center. The key belongs to the browser's visit at the address where the sign-in started, and only works there.`;
      if (detail === "no key cookie") return "The browser came back without the cookie that ties the key to it: the sign-in was started in another browser or a private window, the browser blocks the cookie, or the token was POSTed from a plain-http site (the cookie then only comes back with a GET).";
      if (detail === "key of another browser") return "The token's jti is a key that was issued to another browser: a sign-in link or token passed from one person or device to another.";
      return null;
    }
    case "jti_replayed":
      return `A token with this jti${event.jti ? ` (${event.jti})` : ""} was already used to sign in; every token works once.`;
    default:
      return null;
  }
}

const ORIGIN_STEP = VERIFICATION_STEPS.find((step) => step.reasons.includes("origin_not_allowed"))!;

/**
 * The origin check for a request that got past it. It runs only at /sso/jwt and for the hc_jwt
 * cookie, and only while "Only accept sign-ins from these domains" is on: a ✓ would claim a check
 * that may never have run. `originRestricted` is the setting when the event was written, where the
 * event records it.
 */
function originStepPassedOver(event: ExplainableEvent): ExplainedStep {
  const label = ORIGIN_STEP.label;
  if (event.eventType === "widget_jwt.rejected") return { label, status: "not checked", note: "Not checked: the widget and read API are not held to the origin restriction" };
  if (event.details.originRestricted === true) return { label, status: "passed" };
  if (event.details.originRestricted === false) return { label, status: "not checked", note: "Not checked: the origin restriction is off" };
  return { label, status: "conditional", note: "Only checked when “Only accept sign-ins from these domains” is on; this event does not record whether it was" };
}

/** Steps as they would be listed, with the origin check said honestly where it was passed over. */
function withOriginStep(steps: ExplainedStep[], event: ExplainableEvent): ExplainedStep[] {
  return steps.map((step) => (step.label === ORIGIN_STEP.label && step.status === "passed" ? originStepPassedOver(event) : step));
}

function expectedSetting(detail: string | null): string {
  const expected = detail?.match(/^expected (".*")$/)?.[1];
  return expected ? ` (${expected})` : "";
}

export function explainEvent(event: ExplainableEvent): Explanation {
  if (event.outcome !== "rejected" || !isReason(event.reasonCode)) {
    const text =
      event.eventType === "sso.login.succeeded" ? "The token passed every check and the visitor was signed in."
      : event.eventType === "sso.logout" && event.details.cause === "hc_jwt_named_someone_else"
        ? "The session ended because the hc_jwt cookie named someone else and was refused (the entry just before says why): your app has a different user at this browser now."
      : event.eventType === "sso.logout" ? "The visitor signed out of the help center."
      : "Recorded for information.";
    const passed = event.eventType === "sso.login.succeeded";
    const steps = VERIFICATION_STEPS.map((step): ExplainedStep => ({ label: step.label, status: passed ? "passed" : "not reached" }));
    return { failedCheck: null, steps: withOriginStep(steps, event), explanation: text, fix: null };
  }
  const reason = event.reasonCode;
  // Only the start of a sign-in decides too_many_sign_in_starts; it logs its other refusals with
  // phase "start" (older entries have none). Every other refusal is a token's.
  const checks = reason === "too_many_sign_in_starts" || event.details.phase === "start" ? START_STEPS : VERIFICATION_STEPS;
  const failedAt = checks.findIndex((step) => step.reasons.includes(reason));
  // A wrong-kind token refused for a claim never reached the kind check (jose ran first): the same
  // rule the token tester applies, so the two pages tell one story.
  const header = event.details.header;
  const headerType = typeof header === "object" && header !== null ? (header as { typ?: unknown }).typ : undefined;
  const expected = EXPECTED_KIND[event.eventType];
  const kindUnchecked = expected !== undefined && refusedBeforeKindCheck(reason, headerType, expected);
  const steps = checks.map((step, index): ExplainedStep => ({
    label: step.label,
    status: index > failedAt || (kindUnchecked && step.reasons.includes("token_kind_mismatch")) ? "not reached"
      : index === failedAt ? "failed" : "passed",
  }));
  return {
    failedCheck: checks[failedAt]?.label ?? null,
    steps: withOriginStep(steps, event),
    explanation: specificExplanation(reason, event) ?? REASONS[reason].title,
    fix: reason === "sso_not_configured" && checks === START_STEPS && typeof event.details.detail === "string" ? NO_LOGIN_URL_FIX : REASONS[reason].ownerHint,
  };
}
