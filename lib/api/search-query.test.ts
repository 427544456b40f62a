import { describe, expect, it } from "vitest";
import { prefixTsQuery } from "./search-query";

describe("prefixTsQuery", () => {
  it("makes every word a required prefix", () => {
    expect(prefixTsQuery("Reset passw")).toBe("reset:* & passw:*");
    expect(prefixTsQuery("Ünïcode 2fa")).toBe("ünïcode:* & 2fa:*");
  });

  it("drops everything that could be tsquery syntax", () => {
    expect(prefixTsQuery("a & b | !c <-> d:* 'e'")).toBe("a:* & b:* & c:* & d:* & e:*");
    expect(prefixTsQuery("  ()!&|  ")).toBeNull();
  });

  it("keeps at most eight words", () => {
    expect(prefixTsQuery("w ".repeat(20))!.split("&")).toHaveLength(8);
  });
});
