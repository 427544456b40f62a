import { describe, expect, it } from "vitest";
import { keyMismatchDetail, startedAtFromDetail } from "./key-mismatch";

describe("keyMismatchDetail", () => {
  const origin = "https://acme.gatehouse.app";
  it("names the address the sign-in started on when the token came back to another one", () => {
    const detail = keyMismatchDetail({ keyReturnTo: "https://help.acme.com/articles/x", origin, browserSentBinding: false });
    expect(detail).toBe('started at "https://help.acme.com"');
    expect(startedAtFromDetail(detail)).toBe("https://help.acme.com");
  });
  it("tells a browser without the key cookie from one holding another browser's", () => {
    expect(keyMismatchDetail({ keyReturnTo: `${origin}/articles/x`, origin, browserSentBinding: false })).toBe("no key cookie");
    expect(keyMismatchDetail({ keyReturnTo: `${origin}/`, origin, browserSentBinding: true })).toBe("key of another browser");
    // A key whose page is gone or unreadable says nothing about the address.
    expect(keyMismatchDetail({ keyReturnTo: null, origin, browserSentBinding: true })).toBe("key of another browser");
    expect(keyMismatchDetail({ keyReturnTo: "not a url", origin, browserSentBinding: false })).toBe("no key cookie");
  });
  it("reads no address out of the other details", () => {
    expect(startedAtFromDetail("no key cookie")).toBeNull();
    expect(startedAtFromDetail(null)).toBeNull();
  });
});
