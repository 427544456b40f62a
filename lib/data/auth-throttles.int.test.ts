import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_FAILURES, secondsUntilAllowed, THROTTLE_WINDOW_SECONDS, throttleKey } from "@/lib/auth/throttle-policy";
import { clearThrottle, readThrottle, recordFailure } from "./auth-throttles";

describe("sign-in throttle store", () => {
  it("counts concurrent failures exactly, blocks at the limit, and starts a new window after it", async () => {
    const key = throttleKey("account", `t-${randomBytes(4).toString("hex")}@example.com`);
    const now = new Date();
    await Promise.all(Array.from({ length: MAX_FAILURES.account }, () => recordFailure(key, now)));
    const state = await readThrottle(key);
    expect(state?.failures).toBe(MAX_FAILURES.account);
    expect(secondsUntilAllowed("account", state, now)).toBeGreaterThan(0);

    const later = new Date(now.getTime() + (THROTTLE_WINDOW_SECONDS + 1) * 1000);
    await recordFailure(key, later);
    expect((await readThrottle(key))?.failures).toBe(1);

    await clearThrottle(key);
    expect(await readThrottle(key)).toBeNull();
  });
});
