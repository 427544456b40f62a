import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { THROTTLE_WINDOW_SECONDS, throttleKey } from "@/lib/auth/throttle-policy";
import { clearThrottle, countAttempt, releaseAttempt } from "./auth-throttles";

const aKey = () => throttleKey("account", `t-${randomBytes(4).toString("hex")}@example.com`);

describe("sign-in throttle store", () => {
  it("gives concurrent attempts a count each, and starts a new window after the old one", async () => {
    const key = aKey();
    const now = new Date();
    const counts = await Promise.all(Array.from({ length: 8 }, () => countAttempt(key, now)));
    expect(counts.map((counted) => counted.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const later = new Date(now.getTime() + (THROTTLE_WINDOW_SECONDS + 1) * 1000);
    expect(await countAttempt(key, later)).toEqual({ windowStart: later, failures: 1 });
  });

  it("takes back a released attempt, never below zero, and forgets a cleared key", async () => {
    const key = aKey();
    const now = new Date();
    await countAttempt(key, now);
    await countAttempt(key, now);
    await releaseAttempt(key);
    expect((await countAttempt(key, now)).failures).toBe(2);
    await Promise.all([releaseAttempt(key), releaseAttempt(key), releaseAttempt(key)]);
    expect((await countAttempt(key, now)).failures).toBe(1);

    await clearThrottle(key);
    const afterClear = new Date(now.getTime() + 1000);
    expect(await countAttempt(key, afterClear)).toEqual({ windowStart: afterClear, failures: 1 });
  });
});
