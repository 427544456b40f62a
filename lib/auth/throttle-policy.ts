// How many failed dashboard sign-ins are allowed before we stop trying passwords, per account and
// per client IP, in fixed windows. Pure: the store is lib/data/auth-throttles.ts.

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES = { account: 5, ip: 20 } as const;

export type ThrottleKind = keyof typeof MAX_FAILURES;

export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${value.trim().toLowerCase()}`;
}

export interface ThrottleState {
  windowStart: Date;
  failures: number;
}

/** Seconds until attempts are allowed again, or 0 when they are allowed now. */
export function secondsUntilAllowed(kind: ThrottleKind, state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  const windowEnds = state.windowStart.getTime() + THROTTLE_WINDOW_SECONDS * 1000;
  if (now.getTime() >= windowEnds) return 0;
  return state.failures >= MAX_FAILURES[kind] ? Math.ceil((windowEnds - now.getTime()) / 1000) : 0;
}
