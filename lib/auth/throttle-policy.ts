// How many failed dashboard sign-ins are allowed before we stop trying passwords, per account, per
// trusted browser (lib/auth/trusted-browser.ts) and per client IP, and how many sign-ups per client
// IP, in fixed windows. Pure: the store is lib/data/auth-throttles.ts.

import { limitAddress } from "@/lib/http/limit-address";
import { TRUSTED_BROWSER_SECONDS } from "./trusted-browser";

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
/**
 * account: attempts from browsers the account never signed in on, all together; browser: one
 * trusted browser's attempts for its account (which then count neither for the account nor for the
 * IP: lib/auth/credentials.ts).
 */
export const MAX_FAILURES = { account: 5, browser: 5, ip: 20 } as const;

/**
 * How long each count runs before it starts again. A trusted browser's runs as long as its cookie:
 * five failures in a row spend its trust for good (a success starts a new cookie and count), so a
 * copied cookie buys five guesses once, not five every quarter of an hour.
 */
export const WINDOW_SECONDS = { account: THROTTLE_WINDOW_SECONDS, browser: TRUSTED_BROWSER_SECONDS, ip: THROTTLE_WINDOW_SECONDS } as const;

export type ThrottleKind = keyof typeof MAX_FAILURES;

/** An account by its email, a trusted browser by its id, or a client address as limitAddress counts it (an IPv6 /64). */
export function throttleKey(kind: ThrottleKind, value: string): string {
  if (kind === "ip") return `ip:${limitAddress(value)}`;
  return `${kind}:${kind === "account" ? value.trim().toLowerCase() : value}`;
}

/**
 * Attempts counted in the current window: every failure, plus attempts still being checked. An
 * attempt is counted before its password is checked and taken back if it succeeds, so guesses
 * sent in parallel cannot all pass a check made before any of them was recorded.
 */
export interface ThrottleState {
  windowStart: Date;
  failures: number;
}

/**
 * For an attempt already counted in `counted`: seconds until attempts are allowed again, or 0 when
 * this one may go ahead (it is within the limit).
 */
export function secondsUntilAllowed(kind: ThrottleKind, counted: ThrottleState, now: Date): number {
  return secondsUntilUnder(MAX_FAILURES[kind], counted, now, WINDOW_SECONDS[kind]);
}

/**
 * Sign-ups one client address may make per window, counted whether they succeed or not: each one
 * costs a password hash and creates an account and a help center, so a script must not be able to
 * run them in a loop (to tie up the server's hashing threads, or to claim subdomains and other
 * people's email addresses in bulk). Enough for a team signing up from one office.
 */
export const MAX_SIGN_UPS_PER_ADDRESS = 10;

export function signUpThrottleKey(clientIp: string): string {
  return `sign-up:${limitAddress(clientIp)}`;
}

export function signUpSecondsUntilAllowed(counted: ThrottleState, now: Date): number {
  return secondsUntilUnder(MAX_SIGN_UPS_PER_ADDRESS, counted, now);
}

function secondsUntilUnder(limit: number, counted: ThrottleState, now: Date, windowSeconds = THROTTLE_WINDOW_SECONDS): number {
  const windowEnds = counted.windowStart.getTime() + windowSeconds * 1000;
  if (now.getTime() >= windowEnds) return 0;
  return counted.failures > limit ? Math.ceil((windowEnds - now.getTime()) / 1000) : 0;
}
