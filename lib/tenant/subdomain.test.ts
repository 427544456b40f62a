import { describe, expect, it } from "vitest";
import { subdomainProblem } from "./subdomain";

describe("subdomainProblem", () => {
  it("accepts ordinary names", () => {
    for (const ok of ["acme", "acme-support", "a1", "x".repeat(63)]) expect(subdomainProblem(ok)).toBeNull();
  });
  it("rejects bad formats", () => {
    for (const bad of ["", "a", "-acme", "acme-", "Acme", "ac_me", "ac.me", "x".repeat(64), "xn--80ak6aa92e"]) {
      expect(subdomainProblem(bad)).toBe("format");
    }
  });
  it("rejects reserved words", () => {
    for (const reserved of ["www", "app", "api"]) expect(subdomainProblem(reserved)).toBe("reserved");
  });
});
