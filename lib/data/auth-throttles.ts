import "server-only";
import { getDb } from "@/lib/db";
import { THROTTLE_WINDOW_SECONDS, type ThrottleState } from "@/lib/auth/throttle-policy";

export async function readThrottle(key: string): Promise<ThrottleState | null> {
  return getDb().authThrottle.findUnique({ where: { key }, select: { windowStart: true, failures: true } });
}

/** Counts one failure, starting a new window when the old one is over. Atomic under concurrency. */
export async function recordFailure(key: string, now: Date = new Date()): Promise<void> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000);
  await getDb().$executeRaw`
    INSERT INTO auth_throttles (key, window_start, failures) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start < ${windowFloor} THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = CASE WHEN auth_throttles.window_start < ${windowFloor} THEN ${now} ELSE auth_throttles.window_start END`;
}

export async function clearThrottle(key: string): Promise<void> {
  await getDb().authThrottle.deleteMany({ where: { key } });
}
