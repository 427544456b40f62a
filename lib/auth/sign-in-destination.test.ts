import { describe, expect, it } from "vitest";
import { signInDestination } from "./sign-in-destination";

const ORIGIN = "http://localhost:3000";

describe("signInDestination", () => {
  it("keeps a path of the dashboard, with its query and fragment", () => {
    expect(signInDestination("/dashboard/acme/settings/logs?reason=bad_signature#top", ORIGIN)).toBe("/dashboard/acme/settings/logs?reason=bad_signature#top");
    expect(signInDestination("/invite/abc", ORIGIN)).toBe("/invite/abc");
  });

  it("reduces an absolute URL of the same origin to its path", () => {
    expect(signInDestination("http://localhost:3000/dashboard/acme", ORIGIN)).toBe("/dashboard/acme");
  });

  it.each([
    ["a tab that the URL parser drops", "/\t/evil.example"],
    ["a newline that the URL parser drops", "/\n/evil.example"],
    ["protocol-relative", "//evil.example/dashboard"],
    ["a path that resolves to two leading slashes", "/..//evil.example/phish"],
    ["an absolute URL of this origin whose path starts with two slashes", "http://localhost:3000//evil.example/phish"],
    ["a backslash", "/\\evil.example"],
    ["another origin", "https://evil.example/dashboard"],
    ["another port", "http://localhost:4000/dashboard"],
    ["userinfo", "http://user@localhost:3000/dashboard"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["nothing", ""],
  ])("sends %s to /dashboard", (_, value) => {
    expect(signInDestination(value, ORIGIN)).toBe("/dashboard");
  });

  it("leaves an encoded tab encoded: it stays a path on this origin", () => {
    expect(signInDestination("/%09/evil.example", ORIGIN)).toBe("/%09/evil.example");
  });
});
