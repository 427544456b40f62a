// Minting a token the way a tenant's backend does, for the demo Login URL, the dashboard's
// "Mint a test token" and tests.
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { COOKIE_TOKEN_TYPE, WIDGET_TOKEN_TYPE, type TokenKind } from "./verify-token";

export interface MintClaims {
  email: string;
  name: string;
  /** the `key` the help center handed to the Login URL; omit for an IdP-initiated sign-in */
  jti?: string;
  [claim: string]: unknown;
}

/**
 * @param kind "redirect" (default): a plain JWT for /sso/jwt; "widget" and "cookie": the header typ
 * that marks a widget/API token or an hc_jwt cookie token, each refused elsewhere
 * (lib/sso/verify-token.ts).
 */
export async function mintSsoToken(
  secret: string,
  claims: MintClaims,
  now: Date = new Date(),
  validForSeconds = 120,
  kind: TokenKind = "redirect",
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const { jti, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: "HS256", typ: { redirect: "JWT", widget: WIDGET_TOKEN_TYPE, cookie: COOKIE_TOKEN_TYPE }[kind] })
    .setJti(jti ?? randomBytes(16).toString("base64url"))
    .setIssuedAt(iat)
    .setExpirationTime(iat + validForSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** A new shared secret: 48 random bytes as 64 base64 characters. */
export function generateSharedSecret(): string {
  return randomBytes(48).toString("base64");
}
