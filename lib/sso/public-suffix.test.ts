import { describe, expect, it } from "vitest";
import { enforcedAllowedDomains, publicSuffixWildcardRefusal, wildcardOverPublicSuffix } from "./public-suffix";
import { parseAllowedDomainList } from "./allowed-domains";

describe("wildcards over public suffixes", () => {
  it("are a wildcard over a suffix anyone can register or host names under", () => {
    for (const bad of ["*.com", "*.co.uk", "*.github.io", "*.vercel.app", "*.localhost", "*.0.0.1"]) {
      expect(wildcardOverPublicSuffix(bad), bad).toBe(true);
    }
    // A wildcard over a registrable domain, or one of its subdomains, is the tenant's own; an exact
    // public suffix names one host only.
    for (const good of ["*.example.co.uk", "*.myproject.github.io", "*.corp.example", "*.app.example.com", "github.io", "com"]) {
      expect(wildcardOverPublicSuffix(good), good).toBe(false);
    }
  });

  it("are refused when saving, naming the entry and why", () => {
    const parsed = parseAllowedDomainList("app.example.com\nhttps://*.com/");
    expect(parsed.ok && publicSuffixWildcardRefusal(parsed.domains)).toBe('"*.com" would allow every site under "com", where anyone can register a name. Name a domain of your own, like *.example.com.');
    expect(publicSuffixWildcardRefusal(["app.example.com", "*.example.org"])).toBeNull();
  });

  it("let nothing in from a list saved before they were refused", () => {
    expect(enforcedAllowedDomains(["*.com", "app.example.com", "*.github.io", "*.example.org"])).toEqual(["app.example.com", "*.example.org"]);
  });
});
