import { describe, expect, it } from "vitest";
import { limitAddress } from "./limit-address";

describe("limitAddress", () => {
  it("counts every address of one IPv6 /64 as one", () => {
    const a = limitAddress("2001:db8:85a3:12::1");
    expect(a).toBe("2001:db8:85a3:12::/64");
    expect(limitAddress("2001:0db8:85a3:0012:ffff:ffff:ffff:fffe")).toBe(a);
    expect(limitAddress("2001:DB8:85A3:12:abcd::9")).toBe(a);
    // The next /64 is someone else.
    expect(limitAddress("2001:db8:85a3:13::1")).not.toBe(a);
  });
  it("leaves IPv4 as it is, also when written as IPv6", () => {
    expect(limitAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(limitAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitAddress("203.0.113.8")).not.toBe(limitAddress("203.0.113.7"));
  });
  it("passes anything that is not an address through, trimmed and lowercased", () => {
    expect(limitAddress("unknown")).toBe("unknown");
    expect(limitAddress(" Not-An-IP ")).toBe("not-an-ip");
  });
});
