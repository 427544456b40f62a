// "Trusted browsers": the defence OWASP calls device cookies. The account limit (5 failures in 15
// minutes) stops anyone guessing an owner's password, but on its own it also lets anyone who knows
// the owner's email keep them out, five wrong passwords every quarter of an hour. So a browser an
// account has signed in on gets a signed cookie naming that account; its attempts for that account
// count in a limit of its own (the browser's) instead of the account's, so failures sent from
// elsewhere never lock it out. Five failures in a row spend that trust for good (throttle-policy.ts),
// so a copied cookie buys five guesses once.
// Pure apart from the clock and randomness: the key is passed in (lib/auth/trusted-browser-cookie.ts).

import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

/** Long enough to outlast a holiday; each sign-in on the browser starts the period again. */
export const TRUSTED_BROWSER_DAYS = 180;
export const TRUSTED_BROWSER_SECONDS = TRUSTED_BROWSER_DAYS * 24 * 60 * 60;

// Marks our own tokens, so no other token signed with a key derived from the same secret passes.
const PURPOSE = "gatehouse:trusted-browser";

function accountOf(email: string): string {
  return email.trim().toLowerCase();
}

/** A new cookie value for this browser and account, and the browser's id (what its limit counts). */
export async function issueTrustedBrowser(email: string, key: Uint8Array, now: Date): Promise<{ value: string; browserId: string }> {
  const browserId = randomUUID();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const value = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(accountOf(email))
    .setAudience(PURPOSE)
    .setJti(browserId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TRUSTED_BROWSER_SECONDS)
    .sign(key);
  return { value, browserId };
}

/**
 * The browser's id when `value` is a current trusted-browser cookie of ours for this account, else
 * null: absent, tampered, expired, signed with another key, or issued for another account. Never
 * throws: an unreadable cookie only means the attempt counts against the account, as any other.
 */
export async function readTrustedBrowser(value: string | undefined, email: string, key: Uint8Array, now: Date): Promise<string | null> {
  if (!value || value.length > 1024) return null;
  try {
    const { payload } = await jwtVerify(value, key, {
      algorithms: ["HS256"],
      audience: PURPOSE,
      subject: accountOf(email),
      currentDate: now,
      requiredClaims: ["jti", "exp"],
    });
    return typeof payload.jti === "string" && payload.jti !== "" ? payload.jti : null;
  } catch {
    return null;
  }
}
