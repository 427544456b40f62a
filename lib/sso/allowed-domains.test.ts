import { describe, expect, it } from "vitest";
import { corsOriginFor, hostnameIsAllowed, parseAllowedDomain, parseAllowedDomainList, signInSourceAllowed } from "./allowed-domains";

describe("parseAllowedDomain", () => {
  it("normalizes hostnames, pasted URLs, ports and trailing dots", () => {
    expect(parseAllowedDomain(" App.Example.com ")).toEqual({ ok: true, domain: "app.example.com" });
    expect(parseAllowedDomain("https://app.example.com:8443/login?x=1")).toEqual({ ok: true, domain: "app.example.com" });
    expect(parseAllowedDomain("example.com.")).toEqual({ ok: true, domain: "example.com" });
    expect(parseAllowedDomain("*.example.com")).toEqual({ ok: true, domain: "*.example.com" });
    expect(parseAllowedDomain("localhost")).toEqual({ ok: true, domain: "localhost" });
    expect(parseAllowedDomain("Bücher.example")).toEqual({ ok: true, domain: "xn--bcher-kva.example" });
    expect(parseAllowedDomain("*.bücher.example")).toEqual({ ok: true, domain: "*.xn--bcher-kva.example" });
  });

  it("refuses what is not a domain, with the entry in the message", () => {
    for (const bad of ["", "not a domain!", "not a domain", "intranet", "*", "app.*.example.com", "exa_mple.com", "-bad.com", `${"a".repeat(64)}.com`]) {
      const parsed = parseAllowedDomain(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    const parsed = parseAllowedDomain("not a domain!");
    expect(!parsed.ok && parsed.message).toContain("not a domain!");
  });

});

describe("parseAllowedDomainList", () => {
  it("reads one per line or comma-separated, dropping duplicates", () => {
    expect(parseAllowedDomainList("a.example.com\nB.example.com, a.example.com\n\n")).toEqual({ ok: true, domains: ["a.example.com", "b.example.com"] });
  });

  it("stops at the first bad entry and caps the list", () => {
    expect(parseAllowedDomainList("good.com\nbad domain!")).toEqual({ ok: false, message: expect.stringContaining('"bad domain!"') });
    expect(parseAllowedDomainList(Array.from({ length: 51 }, (_, i) => `d${i}.com`).join("\n")).ok).toBe(false);
  });
});

describe("hostnameIsAllowed", () => {
  const list = ["app.example.com", "*.corp.example"];
  it("matches exact entries and subdomains of wildcard entries only", () => {
    expect(hostnameIsAllowed("app.example.com", list)).toBe(true);
    expect(hostnameIsAllowed("APP.example.com.", list)).toBe(true);
    expect(hostnameIsAllowed("x.corp.example", list)).toBe(true);
    expect(hostnameIsAllowed("a.b.corp.example", list)).toBe(true);
    expect(hostnameIsAllowed("corp.example", list)).toBe(false);
    expect(hostnameIsAllowed("evilcorp.example", list)).toBe(false);
    expect(hostnameIsAllowed("example.com", list)).toBe(false);
    expect(hostnameIsAllowed("app.example.com.evil.net", list)).toBe(false);
  });
});

describe("corsOriginFor", () => {
  it("echoes an allowed Origin and nothing else", () => {
    expect(corsOriginFor("https://app.example.com", ["app.example.com"])).toBe("https://app.example.com");
    expect(corsOriginFor("https://evil.example", ["app.example.com"])).toBeNull();
    expect(corsOriginFor("null", ["app.example.com"])).toBeNull();
    expect(corsOriginFor(null, ["app.example.com"])).toBeNull();
    expect(corsOriginFor("file:///x", ["app.example.com"])).toBeNull();
  });
});

describe("signInSourceAllowed", () => {
  const allowed = ["app.example.com"];
  const check = (origin: string | null, referer: string | null) => signInSourceAllowed({ origin, referer }, "help.example.com", allowed);
  it("lets requests without Origin and Referer through", () => expect(check(null, null)).toBe(true));
  it("accepts the allowed domains and the help center itself", () => {
    expect(check("https://app.example.com", "https://app.example.com/login")).toBe(true);
    expect(check(null, "https://help.example.com/articles/x")).toBe(true);
  });
  it("refuses any other site in either header, and values it cannot read", () => {
    expect(check("https://evil.example", null)).toBe(false);
    expect(check(null, "https://evil.example/page")).toBe(false);
    expect(check("https://app.example.com", "https://evil.example/")).toBe(false);
    expect(check("null", null)).toBe(false);
    expect(check(null, "not a url")).toBe(false);
  });
});
