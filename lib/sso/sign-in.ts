// Decides the outcome of one /sso/jwt request after the token itself verified: replay, redirect-key
// binding, and the end user. Storage is passed in (lib/data/sign-in-store.ts implements it over
// PostgreSQL; tests may pass their own), so the order of decisions lives here, in one place.
import { hashOpaqueToken, sameHash } from "./opaque-token";
import type { EndUserProfile } from "./profile-claims";
import type { RejectionReason } from "./reasons";
import { MAX_CLOCK_SKEW_SECONDS, verifySsoToken, type SsoVerificationConfig } from "./verify-token";

const REPLAY_RECORD_MARGIN_SECONDS = 300;

export interface RedirectKeyState {
  browserBindingHash: string;
  expiresAt: Date;
  /** when it was used before this request (null: this request used it) */
  previouslyUsedAt: Date | null;
  returnTo: string | null;
}

export type ProvisionResult =
  | { status: "ready"; endUserId: string }
  | { status: "suspended"; endUserId: string }
  | { status: "conflict" };

/** What the store records with the session it starts: facts from the verified token. */
export interface SignInFacts {
  jti: string;
  iat: number;
  exp: number;
  iss: string | null;
  aud: string | null;
  viaRedirectKey: boolean;
  /** how the token arrived, when not at /sso/jwt */
  via?: "hc_jwt_cookie";
}

/**
 * What a store needs to admit a returning user in the same step as the claim: the checks below
 * that follow the claim, as data. A store may use it to save a round trip; signIn still decides.
 */
export interface EarlyAdmission {
  profile: EndUserProfile;
  now: Date;
  facts: Omit<SignInFacts, "viaRedirectKey">;
  /** the hash of this browser's binding cookie; null when it sent none */
  browserBindingHash: string | null;
  requireRedirectKey: boolean;
}

export interface TokenClaim {
  claimed: boolean;
  key: RedirectKeyState | null;
  /**
   * Set when the store also admitted the user in the same step (a returning, unsuspended user
   * whose key, or lack of one, passes the checks). Otherwise admitEndUser follows.
   */
  admittedEndUserId?: string | null;
}

export interface SignInStore {
  /**
   * In one atomic step: record (tenant, jti) until `keepUntil` unless it is already recorded, and
   * if this jti is one of our redirect keys (by its hash), mark the key used. `claimed` is false
   * when the jti had been seen before. It may also admit the user (see EarlyAdmission).
   */
  claimTokenId(jti: string, jtiKeyHash: string, keepUntil: Date, admission: EarlyAdmission): Promise<TokenClaim>;
  /**
   * Finds the user by external id, else email; creates or updates them from the token; and when
   * they may sign in ("ready"), starts their session and records the sign-in, atomically.
   */
  admitEndUser(profile: EndUserProfile, now: Date, facts: SignInFacts): Promise<ProvisionResult>;
}

export interface SignInRequest {
  token: string;
  config: (SsoVerificationConfig & { requireRedirectKey: boolean }) | null;
  now: Date;
  /** the browser-binding cookie's value as sent by this browser, if any */
  browserBinding: string | null;
}

export type SignInOutcome =
  | { ok: true; endUserId: string; jti: string; profile: EndUserProfile; keyReturnTo: string | null; viaRedirectKey: boolean }
  | { ok: false; reason: RejectionReason; claim?: string; detail?: string };

/** Replay, redirect-key binding and key_required: what is decided once the jti is claimed. */
function refusalAfterClaim(claim: TokenClaim, now: Date, browserBindingHash: string | null, requireRedirectKey: boolean): RejectionReason | null {
  if (!claim.claimed) return "jti_replayed";
  const { key } = claim;
  if (key) {
    if (key.previouslyUsedAt) return "jti_replayed";
    if (key.expiresAt.getTime() <= now.getTime()) return "key_expired";
    if (!sameHash(browserBindingHash ?? "", key.browserBindingHash)) return "key_mismatch";
  } else if (requireRedirectKey) {
    // An IdP-initiated token (its jti is not a key we issued): refused when the tenant wants every
    // sign-in to start at the help center, which is what defeats login CSRF.
    return "key_required";
  }
  return null;
}

export async function signIn(request: SignInRequest, store: SignInStore): Promise<SignInOutcome> {
  const verified = await verifySsoToken(request.token, request.config, request.now);
  if (!verified.ok) return verified;
  const { jti, iat, exp, iss, aud, profile } = verified.token;
  const config = request.config!;

  // Kept until the token could no longer pass the expiry check under any leeway the tenant might
  // set later (and a little beyond, for clocks that differ between instances); purged after that.
  const keepUntil = new Date((exp + MAX_CLOCK_SKEW_SECONDS + REPLAY_RECORD_MARGIN_SECONDS) * 1000);
  const browserBindingHash = request.browserBinding ? hashOpaqueToken(request.browserBinding) : null;
  const claim = await store.claimTokenId(jti, hashOpaqueToken(jti), keepUntil, {
    profile,
    now: request.now,
    facts: { jti, iat, exp, iss, aud },
    browserBindingHash,
    requireRedirectKey: config.requireRedirectKey,
  });
  const { key } = claim;
  const refusal = refusalAfterClaim(claim, request.now, browserBindingHash, config.requireRedirectKey);
  if (refusal) {
    // The store's early admission mirrors these checks; if it ever admitted what they refuse, that
    // is a bug to surface (a 500), not a sign-in. The session row it wrote stays unusable: its
    // value only ever leaves the server in the cookie of a successful sign-in.
    if (claim.admittedEndUserId) throw new Error(`the store admitted a sign-in that signIn refuses (${refusal})`);
    return { ok: false, reason: refusal };
  }

  const user = claim.admittedEndUserId
    ? ({ status: "ready", endUserId: claim.admittedEndUserId } as const)
    : await store.admitEndUser(profile, request.now, { jti, iat, exp, iss, aud, viaRedirectKey: key !== null });
  if (user.status === "suspended") return { ok: false, reason: "user_suspended" };
  if (user.status === "conflict") return { ok: false, reason: "user_conflict" };
  return { ok: true, endUserId: user.endUserId, jti, profile, keyReturnTo: key?.returnTo ?? null, viaRedirectKey: key !== null };
}
