import { describe, expect, it } from "vitest";
import { formatWhen } from "@/lib/format-when";

describe("formatWhen", () => {
  it("says the time in UTC, whatever the server's zone", () => {
    expect(formatWhen(new Date("2026-11-21T14:05:59Z"))).toBe("21 Nov 2026, 14:05 UTC");
  });
});
