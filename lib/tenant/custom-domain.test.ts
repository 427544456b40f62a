import { describe, expect, it } from "vitest";
import { parseCustomDomain } from "./custom-domain";
import { resolveHostSite } from "./host";

const ROOT = "gatehouse.app";

describe("parseCustomDomain", () => {
  it("accepts a host name and normalizes what admins paste", () => {
    expect(parseCustomDomain("help.example.com", ROOT)).toEqual({ ok: true, domain: "help.example.com" });
    expect(parseCustomDomain("  Help.Example.COM  ", ROOT)).toEqual({ ok: true, domain: "help.example.com" });
    expect(parseCustomDomain("https://help.example.com/hc/articles?x=1", ROOT)).toEqual({ ok: true, domain: "help.example.com" });
    expect(parseCustomDomain("help.example.com:8443", ROOT)).toEqual({ ok: true, domain: "help.example.com" });
    expect(parseCustomDomain("help.example.com.", ROOT)).toEqual({ ok: true, domain: "help.example.com" });
    expect(parseCustomDomain("example.com", ROOT)).toEqual({ ok: true, domain: "example.com" });
  });

  it("writes an internationalized name in punycode, as browsers send it in Host", () => {
    expect(parseCustomDomain("hilfe.bücher.example", ROOT)).toEqual({ ok: true, domain: "hilfe.xn--bcher-kva.example" });
  });

  it("reads an empty field as removing the custom domain", () => {
    expect(parseCustomDomain("", ROOT)).toEqual({ ok: true, domain: null });
    expect(parseCustomDomain("   ", ROOT)).toEqual({ ok: true, domain: null });
  });

  it.each([
    ["*.example.com", /without wildcards/],
    ["help*.example.com", /without wildcards/],
    ["10.0.0.1", /IP address/],
    ["https://192.168.1.20/", /IP address/],
    ["[::1]", /not a valid domain name|IP address/],
    ["help.example.123", /IP address/],
    ["intranet", /not a full domain name: write it like help\.example\.com\./],
    ["localhost", /not a full host name/],
    ["help example.com", /not a domain name: write one host name, like help\.example\.com\./],
    ["-help.example.com", /not a valid domain name/],
    ["help..example.com", /not a valid domain name/],
    [`${"a".repeat(64)}.example.com`, /not a valid domain name/],
    [`${"abcdefghi.".repeat(26)}com`, /not a valid domain name/],
    ["gatehouse.app", /Gatehouse's own/],
    ["acme.gatehouse.app", /Gatehouse's own/],
    ["www.gatehouse.app", /Gatehouse's own/],
    ["deep.acme.gatehouse.app", /Gatehouse's own/],
  ])("refuses %s with a message that says what to write", (input, message) => {
    const parsed = parseCustomDomain(input, ROOT);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("with the local root (localhost), refuses anything under it but takes other names", () => {
    expect(parseCustomDomain("help.localhost", "localhost").ok).toBe(false);
    expect(parseCustomDomain("localhost", "localhost").ok).toBe(false);
    expect(parseCustomDomain("help.gatehouse.test", "localhost")).toEqual({ ok: true, domain: "help.gatehouse.test" });
  });

  it("only ever saves a domain that host resolution serves as a custom domain", () => {
    for (const input of ["help.example.com", "Docs.Example.org.", "https://support.example.co.uk/"]) {
      const parsed = parseCustomDomain(input, ROOT);
      expect(parsed.ok && parsed.domain).toBeTruthy();
      if (parsed.ok && parsed.domain) expect(resolveHostSite(parsed.domain, ROOT)).toEqual({ kind: "custom-domain", domain: parsed.domain });
    }
  });
});
