// How many failed dashboard sign-ins are allowed before we stop trying passwords, per account and
// per client IP, in fixed windows. Pure: the store is lib/data/auth-throttles.ts.

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES = { account: 5, ip: 20 } as const;

export type ThrottleKind = keyof typeof MAX_FAILURES;

export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${value.trim().toLowerCase()}`;
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
  const windowEnds = counted.windowStart.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
  if (now.getTime() >= windowEnds) return 0;
  return counted.failures > MAX_FAILURES[kind] ? Math.ceil((windowEnds - now.getTime()) / 1000) : 0;
}
