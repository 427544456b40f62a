import "server-only";
import { createHash } from "node:crypto";
import type { JWTPayload } from "jose";
import type { SignatureMemo, SsoVerificationConfig } from "@/lib/sso/verify-token";

// The widget reuses one token for minutes, calling the API many times with it: its HMAC is checked
// once per process and configuration (lib/sso/verify-token.ts SignatureMemo).
//
// Bounded for the whole process, not per help center: anyone can sign up, generate a secret and
// mint as many valid tokens as they like, so a bound per help center, times the help centers
// cached, would let a few sign-ups fill the heap of every instance. One least-recently-used map of
// at most MAX_ENTRIES, keyed by the configuration object's identity and the token's SHA-256, and
// only for tokens of at most MAX_TOKEN_LENGTH characters (a widget token is a few hundred): a
// bigger one is checked on every call instead. A reloaded configuration (new secret, new settings)
// is a new object with a new identity, so nothing remembered under the old one is found again; it
// ages out. One help center's traffic can push another's tokens out: that costs an HMAC, never a
// wrong answer.

export const MAX_ENTRIES = 10_000;
export const MAX_TOKEN_LENGTH = 2048;

const configIds = new WeakMap<SsoVerificationConfig, number>();
let nextConfigId = 0;
const remembered = new Map<string, JWTPayload>();

function keyOf(config: SsoVerificationConfig, token: string): string {
  let id = configIds.get(config);
  if (id === undefined) configIds.set(config, (id = nextConfigId++));
  return `${id}:${createHash("sha256").update(token).digest("base64url")}`;
}

export const signatureMemo: SignatureMemo = {
  get(config, token) {
    if (token.length > MAX_TOKEN_LENGTH) return undefined;
    const key = keyOf(config, token);
    const payload = remembered.get(key);
    if (payload !== undefined) {
      // Map keeps insertion order: moved to the end, it is the last to be dropped.
      remembered.delete(key);
      remembered.set(key, payload);
    }
    return payload;
  },
  set(config, token, payload) {
    if (token.length > MAX_TOKEN_LENGTH) return;
    const key = keyOf(config, token);
    remembered.delete(key);
    if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, payload);
  },
};

/** How many tokens are remembered, for tests. */
export function rememberedCount(): number {
  return remembered.size;
}
