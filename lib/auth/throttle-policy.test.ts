import { describe, expect, it } from "vitest";
import { MAX_FAILURES, MAX_SIGN_UPS_PER_ADDRESS, secondsUntilAllowed, signUpSecondsUntilAllowed, signUpThrottleKey, THROTTLE_WINDOW_SECONDS, throttleKey, WINDOW_SECONDS } from "./throttle-policy";

const start = new Date("2026-01-01T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

// The state passed in already counts the attempt being decided.
describe("sign-in throttling", () => {
  it("lets attempts up to the limit go ahead", () => {
    expect(secondsUntilAllowed("account", { windowStart: start, failures: 1 }, start)).toBe(0);
    expect(secondsUntilAllowed("account", { windowStart: start, failures: MAX_FAILURES.account }, at(10))).toBe(0);
  });
  it("refuses the attempt past the limit until the window ends", () => {
    const state = { windowStart: start, failures: MAX_FAILURES.account + 1 };
    expect(secondsUntilAllowed("account", state, at(60))).toBe(THROTTLE_WINDOW_SECONDS - 60);
    expect(secondsUntilAllowed("account", state, at(THROTTLE_WINDOW_SECONDS))).toBe(0);
  });
  it("gives IPs a higher limit than accounts", () => {
    const state = { windowStart: start, failures: MAX_FAILURES.account + 1 };
    expect(secondsUntilAllowed("ip", state, at(1))).toBe(0);
    expect(secondsUntilAllowed("ip", { windowStart: start, failures: MAX_FAILURES.ip + 1 }, at(1))).toBeGreaterThan(0);
  });
  it("normalises keys so case does not dodge the limit", () => {
    expect(throttleKey("account", " Ada@Example.com ")).toBe("account:ada@example.com");
  });
  it("counts a trusted browser apart from its account, and its failures do not start over every quarter of an hour", () => {
    const browserId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    expect(throttleKey("browser", browserId)).toBe(`browser:${browserId}`);
    expect(secondsUntilAllowed("browser", { windowStart: start, failures: MAX_FAILURES.browser }, at(1))).toBe(0);
    const spent = { windowStart: start, failures: MAX_FAILURES.browser + 1 };
    // Still spent long after an account's window would have ended: only its cookie's end (or a success) ends it.
    expect(secondsUntilAllowed("browser", spent, at(THROTTLE_WINDOW_SECONDS + 1))).toBeGreaterThan(0);
    expect(secondsUntilAllowed("browser", spent, at(WINDOW_SECONDS.browser - 1))).toBe(1);
    expect(secondsUntilAllowed("browser", spent, at(WINDOW_SECONDS.browser))).toBe(0);
  });
});

describe("sign-up throttling", () => {
  it("lets an address make MAX_SIGN_UPS_PER_ADDRESS sign-ups per window, then waits for the window's end", () => {
    expect(signUpSecondsUntilAllowed({ windowStart: start, failures: MAX_SIGN_UPS_PER_ADDRESS }, at(5))).toBe(0);
    expect(signUpSecondsUntilAllowed({ windowStart: start, failures: MAX_SIGN_UPS_PER_ADDRESS + 1 }, at(5))).toBe(THROTTLE_WINDOW_SECONDS - 5);
    expect(signUpSecondsUntilAllowed({ windowStart: start, failures: MAX_SIGN_UPS_PER_ADDRESS + 1 }, at(THROTTLE_WINDOW_SECONDS))).toBe(0);
  });
  it("keeps sign-ups apart from sign-in failures of the same address", () => {
    expect(signUpThrottleKey(" 203.0.113.9 ")).toBe("sign-up:203.0.113.9");
    expect(signUpThrottleKey("203.0.113.9")).not.toBe(throttleKey("ip", "203.0.113.9"));
    // One IPv6 /64 is one client, whichever of its addresses it uses.
    expect(signUpThrottleKey("2001:db8:1:2::a")).toBe(signUpThrottleKey("2001:db8:1:2:ffff::b"));
    expect(throttleKey("ip", "2001:db8:1:2::a")).toBe(throttleKey("ip", "2001:db8:1:2:ffff::b"));
    expect(throttleKey("ip", "2001:db8:1:2::a")).not.toBe(throttleKey("ip", "2001:db8:1:3::a"));
  });
});
