import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect-target";

const origin = "https://acme.gatehouse.app";
const devOrigin = "http://acme.localhost:3000";

describe("safeRedirectTarget: accepted", () => {
  it.each([
    ["/", `${origin}/`],
    ["/articles/42", `${origin}/articles/42`],
    ["/search?q=reset+password#top", `${origin}/search?q=reset+password#top`],
    ["articles/42", `${origin}/articles/42`],
    ["/a/../b/./c", `${origin}/b/c`],
    ["/a b", `${origin}/a%20b`],
    ["?page=2", `${origin}/?page=2`],
  ])("resolves the path %j against the help center", (raw, expected) => {
    expect(safeRedirectTarget(raw, origin)).toBe(expected);
  });

  it.each([
    [`${origin}/articles/42`, `${origin}/articles/42`],
    [origin, `${origin}/`],
    ["https://ACME.Gatehouse.APP/x", `${origin}/x`],
    ["https://acme.gatehouse.app:443/x", `${origin}/x`],
  ])("accepts the absolute same-origin URL %j, normalised", (raw, expected) => {
    expect(safeRedirectTarget(raw, origin)).toBe(expected);
  });

  it("works with a port in the origin", () => {
    expect(safeRedirectTarget("/x", devOrigin)).toBe(`${devOrigin}/x`);
    expect(safeRedirectTarget(`${devOrigin}/y?z=1`, devOrigin)).toBe(`${devOrigin}/y?z=1`);
  });

  it("keeps percent-encoded slashes inside the path (they stay on our host)", () => {
    expect(safeRedirectTarget("/%2F%2Fevil.com", origin)).toBe(`${origin}/%2F%2Fevil.com`);
  });

  it("accepts exactly 2048 characters", () => {
    const raw = `/${"a".repeat(2047)}`;
    expect(safeRedirectTarget(raw, origin)).toBe(`${origin}${raw}`);
  });

  it("accepts exactly 2048 bytes of UTF-8, percent-encoded", () => {
    const raw = `/a${"é".repeat(1023)}`; // 2 + 1023 × 2 bytes
    expect(Buffer.byteLength(raw)).toBe(2048);
    expect(safeRedirectTarget(raw, origin)).toBe(`${origin}/a${"%C3%A9".repeat(1023)}`);
  });
});

describe("safeRedirectTarget: refused", () => {
  it.each([
    ["another host", "https://evil.com/"],
    ["another subdomain of ours", "https://globex.gatehouse.app/"],
    ["a parent domain", "https://gatehouse.app/"],
    ["a look-alike host", "https://acme.gatehouse.app.evil.com/"],
    ["another port", "https://acme.gatehouse.app:8443/"],
    ["another scheme", "http://acme.gatehouse.app/"],
    ["protocol-relative", "//evil.com"],
    ["protocol-relative to a path", "//evil.com/acme.gatehouse.app"],
    ["triple slash", "///evil.com"],
    ["slash-backslash", "/\\evil.com"],
    ["backslash-backslash", "\\\\evil.com"],
    ["a backslash anywhere", "/articles\\42"],
    ["https with a backslash", "https:\\\\evil.com"],
    ["a tab", "/\t/evil.com"],
    ["a leading tab", "\t//evil.com"],
    ["a newline", "/x\nSet-Cookie: a=b"],
    ["a carriage return", "/x\r"],
    ["a NUL", "/x\u0000"],
    ["DEL", "/x\u007f"],
    ["a C1 control character", "/x\u0085"],
    ["the last C1 control character", "/x\u009f"],
    ["userinfo", "https://user@acme.gatehouse.app/"],
    ["userinfo with a password", "https://user:pass@acme.gatehouse.app/"],
    ["userinfo pointing elsewhere", "https://acme.gatehouse.app@evil.com/"],
    ["a password without a username", "https://:pass@acme.gatehouse.app/"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["JavaScript: in capitals", "JavaScript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a percent-encoded host", "https://evil%2Ecom/"],
    ["ftp", "ftp://acme.gatehouse.app/"],
    ["over 2048 characters", `/${"a".repeat(2048)}`],
    ["over 2048 bytes in fewer characters", `/${"é".repeat(1024)}`],
  ])("refuses %s", (_label, raw) => {
    expect(safeRedirectTarget(raw, origin)).toBeNull();
  });

  it.each([
    ["a look-alike host", "http://acme.localhost.evil.com:3000/"],
    ["the same host without the port", "http://acme.localhost/"],
    ["another port", "http://acme.localhost:3001/"],
    ["https on the dev port", "https://acme.localhost:3000/"],
    ["another subdomain", "http://globex.localhost:3000/"],
  ])("refuses %s on a dev origin", (_label, raw) => {
    expect(safeRedirectTarget(raw, devOrigin)).toBeNull();
  });

  it.each([[""], [null], [undefined]])("refuses %j", (raw) => {
    expect(safeRedirectTarget(raw, origin)).toBeNull();
  });

  it("never returns the raw value, only the normalised URL", () => {
    const result = safeRedirectTarget("/a/../b", origin);
    expect(result).not.toBe("/a/../b");
    expect(result).toBe(`${origin}/b`);
  });
});
