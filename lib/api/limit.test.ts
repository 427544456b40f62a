import { describe, expect, it } from "vitest";
import { parseLimit } from "./limit";

describe("parseLimit", () => {
  it("uses the fallback when absent, and takes a whole number in range", () => {
    expect(parseLimit(null, 10, 20)).toBe(10);
    expect(parseLimit("", 10, 20)).toBe(10);
    expect(parseLimit("1", 10, 20)).toBe(1);
    expect(parseLimit("20", 10, 20)).toBe(20);
  });

  it.each(["0", "21", "-1", "1.5", "1e1", " 5", "abc", "0x10", "1000"])("refuses %j", (value) => {
    expect(parseLimit(value, 10, 20)).toBeNull();
  });
});
