import { describe, expect, it } from "vitest";
import { clientIpFromForwardedFor, withPeerAddress } from "./client-ip";

describe("clientIpFromForwardedFor", () => {
  it("served directly, takes the socket's peer our server appended, never what the client sent", () => {
    expect(clientIpFromForwardedFor("203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor(" 6.6.6.6 ,203.0.113.7 ", 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the address that proxy added, left of the proxy's own", () => {
    expect(clientIpFromForwardedFor("203.0.113.7, 10.0.0.2", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2", 1)).toBe("203.0.113.7");
  });

  it("counts further left behind more proxies (CDN, then load balancer)", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 203.0.113.7, 198.51.100.4, 10.0.0.2", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(clientIpFromForwardedFor("10.0.0.2", 2)).toBe("10.0.0.2");
  });

  it("has nothing to say without the header, and keeps an entry short", () => {
    expect(clientIpFromForwardedFor(null, 0)).toBeNull();
    expect(clientIpFromForwardedFor(" , ", 0)).toBeNull();
    expect(clientIpFromForwardedFor("x".repeat(500), 0)).toHaveLength(64);
  });
});

describe("withPeerAddress", () => {
  it("appends the socket's peer to whatever arrived", () => {
    expect(withPeerAddress(undefined, "203.0.113.7")).toBe("203.0.113.7");
    expect(withPeerAddress("6.6.6.6", "203.0.113.7")).toBe("6.6.6.6, 203.0.113.7");
    expect(withPeerAddress(["6.6.6.6", "7.7.7.7"], "10.0.0.2")).toBe("6.6.6.6, 7.7.7.7, 10.0.0.2");
    expect(withPeerAddress("  ", "::1")).toBe("::1");
  });

  it("writes an IPv4 peer on a dual-stack socket as IPv4, and leaves IPv6 alone", () => {
    expect(withPeerAddress(undefined, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(withPeerAddress(undefined, "2001:db8::1")).toBe("2001:db8::1");
  });

  it("keeps what arrived when the socket has no address (it closed)", () => {
    expect(withPeerAddress("6.6.6.6", undefined)).toBe("6.6.6.6");
    expect(withPeerAddress(undefined, undefined)).toBeUndefined();
  });

  it("with clientIpFromForwardedFor, a made-up header never names the client served directly", () => {
    expect(clientIpFromForwardedFor(withPeerAddress("6.6.6.6", "::ffff:198.51.100.20"), 0)).toBe("198.51.100.20");
  });
});
