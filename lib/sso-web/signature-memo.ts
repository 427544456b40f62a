import "server-only";
import type { JWTPayload } from "jose";
import type { SignatureMemo, SsoVerificationConfig } from "@/lib/sso/verify-token";

// The widget reuses one token for minutes, calling the API many times with it: its HMAC is checked
// once per process and configuration (lib/sso/verify-token.ts SignatureMemo). Keyed by the
// configuration object itself: a reloaded configuration (new secret, new settings) is a new
// object and starts empty, and an unused one is garbage-collected with its memo.

const PER_CONFIG_LIMIT = 10_000;
const memos = new WeakMap<SsoVerificationConfig, Map<string, JWTPayload>>();

export const signatureMemo: SignatureMemo = {
  get(config, token) {
    return memos.get(config)?.get(token);
  },
  set(config, token, payload) {
    let memo = memos.get(config);
    if (!memo) memos.set(config, (memo = new Map()));
    if (memo.size >= PER_CONFIG_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(token, payload);
  },
};
