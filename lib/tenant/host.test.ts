import { describe, expect, it } from "vitest";
import { normalizeHostname, resolveHostSite, rootHostnameFrom } from "./host";

const root = "localhost";

describe("resolveHostSite", () => {
  it("maps the root host to the app, with or without a port", () => {
    expect(resolveHostSite("localhost", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("localhost:3000", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("www.localhost:3000", root)).toEqual({ kind: "app" });
  });

  it("maps <subdomain>.<root> to the subdomain, ignoring the port", () => {
    expect(resolveHostSite("acme.localhost:3000", root)).toEqual({ kind: "subdomain", subdomain: "acme" });
    expect(resolveHostSite("acme.localhost:4321", root)).toEqual({ kind: "subdomain", subdomain: "acme" });
  });

  it("lower-cases upper-case hosts", () => {
    expect(resolveHostSite("ACME.LocalHost:3000", root)).toEqual({ kind: "subdomain", subdomain: "acme" });
    expect(resolveHostSite("Help.Example.COM", root)).toEqual({ kind: "custom-domain", domain: "help.example.com" });
  });

  it("accepts one trailing dot (fully qualified form)", () => {
    expect(resolveHostSite("acme.localhost.:3000", root)).toEqual({ kind: "subdomain", subdomain: "acme" });
    expect(resolveHostSite("localhost.", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("acme.localhost..", root)).toEqual({ kind: "none" });
  });

  it("serves the app on IP hosts, which can never name a tenant", () => {
    expect(resolveHostSite("127.0.0.1:3000", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("[::1]:3000", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("[::1]", root)).toEqual({ kind: "app" });
    expect(resolveHostSite("[::1", root)).toEqual({ kind: "none" });
  });

  it("does not mistake look-alike hosts for our subdomains", () => {
    expect(resolveHostSite("acme.localhost.evil.com", root)).toEqual({ kind: "custom-domain", domain: "acme.localhost.evil.com" });
    expect(resolveHostSite("acmelocalhost", root)).toEqual({ kind: "none" });
    expect(resolveHostSite("evil-localhost", root)).toEqual({ kind: "none" });
    expect(resolveHostSite("acme.gatehouse.app.evil.com", "gatehouse.app")).toEqual({
      kind: "custom-domain",
      domain: "acme.gatehouse.app.evil.com",
    });
    expect(resolveHostSite("notgatehouse.app", "gatehouse.app")).toEqual({ kind: "custom-domain", domain: "notgatehouse.app" });
  });

  it("refuses nested, reserved and malformed subdomains", () => {
    expect(resolveHostSite("a.acme.localhost", root)).toEqual({ kind: "none" });
    expect(resolveHostSite("api.localhost", root)).toEqual({ kind: "none" });
    expect(resolveHostSite("-acme.localhost", root)).toEqual({ kind: "none" });
    expect(resolveHostSite("xn--80ak6aa92e.localhost", root)).toEqual({ kind: "none" });
  });

  it("refuses junk Host headers", () => {
    for (const junk of [null, undefined, "", " ", "acme.localhost:abc", "acme.localhost:99999", "[::1]:70000", "acme.localhost:3000:1", "evil.com/path", "user@evil.com", "a b.com", "a..b.com", "x".repeat(300)]) {
      expect(resolveHostSite(junk, root)).toEqual({ kind: "none" });
    }
  });

  it("works with a real root domain and custom domains", () => {
    expect(resolveHostSite("acme.gatehouse.app", "gatehouse.app")).toEqual({ kind: "subdomain", subdomain: "acme" });
    expect(resolveHostSite("gatehouse.app:443", "gatehouse.app")).toEqual({ kind: "app" });
    expect(resolveHostSite("help.acme.com", "gatehouse.app")).toEqual({ kind: "custom-domain", domain: "help.acme.com" });
  });
});

describe("normalizeHostname and rootHostnameFrom", () => {
  it("strips ports and case", () => {
    expect(normalizeHostname("Acme.Localhost:3000")).toBe("acme.localhost");
    expect(rootHostnameFrom("http://localhost:3000")).toBe("localhost");
    expect(rootHostnameFrom("https://Help.Gatehouse.App")).toBe("help.gatehouse.app");
  });
});
