import "server-only";
import { getDb } from "@/lib/db";
import { THROTTLE_WINDOW_SECONDS, type ThrottleState } from "@/lib/auth/throttle-policy";

/**
 * Counts one attempt, starting a new window when the old one is over, and returns the count with
 * this attempt in it. One statement, so concurrent attempts each get a count of their own.
 */
export async function countAttempt(key: string, now: Date = new Date(), windowSeconds: number = THROTTLE_WINDOW_SECONDS): Promise<ThrottleState> {
  const windowFloor = new Date(now.getTime() - windowSeconds * 1000);
  const [counted] = await getDb().$queryRaw<{ window_start: Date; failures: number }[]>`
    INSERT INTO auth_throttles (key, window_start, failures) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start < ${windowFloor} THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = CASE WHEN auth_throttles.window_start < ${windowFloor} THEN ${now} ELSE auth_throttles.window_start END
    RETURNING window_start, failures`;
  return { windowStart: counted!.window_start, failures: counted!.failures };
}

/** Takes back the count of an attempt that succeeded: only failures are meant to add up. */
export async function releaseAttempt(key: string): Promise<void> {
  await getDb().$executeRaw`UPDATE auth_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ${key}`;
}

export async function clearThrottle(key: string): Promise<void> {
  await getDb().authThrottle.deleteMany({ where: { key } });
}
