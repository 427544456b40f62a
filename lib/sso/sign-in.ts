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

export interface SignInStore {
  /**
   * In one atomic step: record (tenant, jti) until `keepUntil` unless it is already recorded, and
   * if this jti is one of our redirect keys (by its hash), mark the key used. `claimed` is false
   * when the jti had been seen before.
   */
  claimTokenId(jti: string, jtiKeyHash: string, keepUntil: Date): Promise<{ claimed: boolean; key: RedirectKeyState | null }>;
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

export async function signIn(request: SignInRequest, store: SignInStore): Promise<SignInOutcome> {
  const verified = await verifySsoToken(request.token, request.config, request.now);
  if (!verified.ok) return verified;
  const { jti, iat, exp, iss, aud, profile } = verified.token;
  const config = request.config!;

  // Kept until the token could no longer pass the expiry check under any leeway the tenant might
  // set later (and a little beyond, for clocks that differ between instances); purged after that.
  const keepUntil = new Date((exp + MAX_CLOCK_SKEW_SECONDS + REPLAY_RECORD_MARGIN_SECONDS) * 1000);
  const { claimed, key } = await store.claimTokenId(jti, hashOpaqueToken(jti), keepUntil);
  if (!claimed) return { ok: false, reason: "jti_replayed" };

  if (key) {
    if (key.previouslyUsedAt) return { ok: false, reason: "jti_replayed" };
    if (key.expiresAt.getTime() <= request.now.getTime()) return { ok: false, reason: "key_expired" };
    const binding = request.browserBinding ? hashOpaqueToken(request.browserBinding) : "";
    if (!sameHash(binding, key.browserBindingHash)) return { ok: false, reason: "key_mismatch" };
  } else if (config.requireRedirectKey) {
    // An IdP-initiated token (its jti is not a key we issued): refused when the tenant wants every
    // sign-in to start at the help center, which is what defeats login CSRF.
    return { ok: false, reason: "key_required" };
  }

  const user = await store.admitEndUser(profile, request.now, { jti, iat, exp, iss, aud, viaRedirectKey: key !== null });
  if (user.status === "suspended") return { ok: false, reason: "user_suspended" };
  if (user.status === "conflict") return { ok: false, reason: "user_conflict" };
  return { ok: true, endUserId: user.endUserId, jti, profile, keyReturnTo: key?.returnTo ?? null, viaRedirectKey: key !== null };
}
