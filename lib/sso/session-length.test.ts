import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIME_SECONDS, sessionLengthMinutesOf, sessionLifetimeSecondsFor } from "./session-length";

describe("session length", () => {
  it("defaults to 12 hours", () => {
    expect(DEFAULT_SESSION_LIFETIME_SECONDS).toBe(43200);
  });

  it("stores the submitted minutes as seconds", () => {
    expect(sessionLifetimeSecondsFor(90, 43200)).toBe(5400);
    expect(sessionLifetimeSecondsFor(720, null)).toBe(43200);
  });

  it("keeps a stored length that is not whole minutes when the form sends back its rounded figure", () => {
    expect(sessionLengthMinutesOf(1830)).toBe(31);
    expect(sessionLifetimeSecondsFor(31, 1830)).toBe(1830);
    expect(sessionLifetimeSecondsFor(30, 1830)).toBe(1800);
  });
});
