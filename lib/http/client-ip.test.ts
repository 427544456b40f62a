import { describe, expect, it } from "vitest";
import { clientIpFromForwardedFor } from "./client-ip";

describe("clientIpFromForwardedFor", () => {
  it("takes the address our one proxy (or Next) added: the rightmost, never what the client prepended", () => {
    expect(clientIpFromForwardedFor("203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor(" 6.6.6.6 ,203.0.113.7 ", 1)).toBe("203.0.113.7");
  });

  it("counts further left behind more proxies (CDN, then load balancer)", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("203.0.113.7", 2)).toBe("203.0.113.7");
  });

  it("has nothing to say without the header, and keeps an entry short", () => {
    expect(clientIpFromForwardedFor(null, 1)).toBeNull();
    expect(clientIpFromForwardedFor(" , ", 1)).toBeNull();
    expect(clientIpFromForwardedFor("x".repeat(500), 1)).toHaveLength(64);
  });
});
