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

  it("refuses a wildcard over a suffix anyone can register or host names under, and says why", () => {
    for (const bad of ["*.com", "*.co.uk", "*.github.io", "*.vercel.app", "*.localhost", "https://*.com/", "*.0.0.1"]) {
      const parsed = parseAllowedDomain(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    expect(parseAllowedDomain("*.com")).toEqual({ ok: false, message: '"*.com" would allow every site under "com", where anyone can register a name. Name a domain of your own, like *.example.com.' });
    // A wildcard over a registrable domain, or one of its subdomains, is the tenant's own.
    for (const good of ["*.example.co.uk", "*.myproject.github.io", "*.corp.example", "*.app.example.com"]) {
      expect(parseAllowedDomain(good), good).toEqual({ ok: true, domain: good });
    }
    // An exact public suffix names one host only; it is allowed as any other exact entry.
    expect(parseAllowedDomain("github.io")).toEqual({ ok: true, domain: "github.io" });
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
  it("lets nothing in through a wildcard over a public suffix saved before such entries were refused", () => {
    expect(hostnameIsAllowed("evil.com", ["*.com"])).toBe(false);
    expect(hostnameIsAllowed("attacker.github.io", ["*.github.io", "app.example.com"])).toBe(false);
    expect(hostnameIsAllowed("app.example.com", ["*.com", "app.example.com"])).toBe(true);
    expect(corsOriginFor("https://evil.com", ["*.com"])).toBeNull();
    expect(signInSourceAllowed({ origin: "https://evil.com", referer: null }, "acme.help.example", ["*.com"])).toBe(false);
  });

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
