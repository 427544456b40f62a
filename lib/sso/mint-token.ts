// Minting a sign-in token the way a tenant's backend does, for the demo Login URL and tests.
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";

export interface MintClaims {
  email: string;
  name: string;
  /** the `key` the help center handed to the Login URL; omit for an IdP-initiated sign-in */
  jti?: string;
  [claim: string]: unknown;
}

export async function mintSsoToken(secret: string, claims: MintClaims, now: Date = new Date(), validForSeconds = 120): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const { jti, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(jti ?? randomBytes(16).toString("base64url"))
    .setIssuedAt(iat)
    .setExpirationTime(iat + validForSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** A new shared secret: 48 random bytes as 64 base64 characters. */
export function generateSharedSecret(): string {
  return randomBytes(48).toString("base64");
}
