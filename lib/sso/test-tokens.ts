// Test-only helpers for minting SSO tokens: well-formed ones through jose, hostile ones by hand.
// Imported by tests only (lib/sso/*.test.ts, test/*.int.test.ts); nothing in the application uses it.
import { createHmac } from "node:crypto";
import { SignJWT, type JWTHeaderParameters, type JWTPayload } from "jose";
import type { SsoVerificationConfig } from "./verify-token";

/** The injected clock every test uses: never the real one. */
export const NOW = new Date("2026-06-01T12:00:00Z");
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export const SECRET_A = "tenant-a-shared-secret-0123456789abcdef";
export const SECRET_B = "tenant-b-shared-secret-fedcba9876543210";

export function ssoConfig(overrides: Partial<SsoVerificationConfig> = {}): SsoVerificationConfig {
  return { enabled: true, secret: SECRET_A, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 60, ...overrides };
}

/** A payload that passes every check at NOW with ssoConfig(). Overrides with value `undefined` remove the claim. */
export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    jti: "jti-0001",
    iat: NOW_SECONDS - 30,
    exp: NOW_SECONDS + 270,
    email: "jane@example.com",
    name: "Jane Doe",
    ...overrides,
  };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
  return payload;
}

/** An honest HS256 token, signed by jose. */
export async function mintToken(
  payload: Record<string, unknown> = claims(),
  secret: string = SECRET_A,
  header: Partial<JWTHeaderParameters> = {},
): Promise<string> {
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: "HS256", ...header }).sign(new TextEncoder().encode(secret));
}

export function b64url(value: string | Uint8Array): string {
  return Buffer.from(value).toString("base64url");
}

/** base64url of a value's JSON text. */
export function b64json(value: unknown): string {
  return b64url(JSON.stringify(value));
}

export function hmac(hash: "sha256" | "sha384" | "sha512", secret: string, signingInput: string): string {
  return createHmac(hash, secret).update(signingInput, "utf8").digest("base64url");
}

/**
 * A compact JWS assembled by hand. `header` and `payload` are JSON-encoded unless given as
 * already-encoded segments ({ raw: "..." }). The signature is an HMAC with `hash` over the exact
 * segments (so a hostile header can still carry a valid signature), or `signature` verbatim.
 */
export function handToken(
  header: unknown,
  payload: unknown,
  options: { secret?: string; hash?: "sha256" | "sha384" | "sha512"; signature?: string } = {},
): string {
  const encode = (part: unknown) =>
    typeof part === "object" && part !== null && "raw" in part ? String((part as { raw: unknown }).raw) : b64json(part);
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = options.signature ?? hmac(options.hash ?? "sha256", options.secret ?? SECRET_A, signingInput);
  return `${signingInput}.${signature}`;
}

export function segments(token: string): [string, string, string] {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return [header, payload, signature];
}
