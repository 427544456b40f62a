import { describe, expect, it } from "vitest";
import { sameAddressOn, ssoRequestOn } from "./custom-domain-redirect";

const gatehouse = "https://acme.gatehouse.app";
const custom = "https://help.acme.com";

describe("sameAddressOn", () => {
  it("keeps the path and query", () => {
    expect(sameAddressOn(custom, "/articles/invoices?tab=2&q=a%20b")).toBe("https://help.acme.com/articles/invoices?tab=2&q=a%20b");
    expect(sameAddressOn(custom, "/")).toBe("https://help.acme.com/");
    expect(sameAddressOn("http://help.acme.test:3000", "/search?q=x")).toBe("http://help.acme.test:3000/search?q=x");
  });

  it("never leaves the origin, whatever the path looks like", () => {
    for (const path of ["//evil.example/x", "/\\evil.example/x", "//evil.example", "/%2F%2Fevil.example", "https://evil.example/x", "/..//evil.example"]) {
      expect(new URL(sameAddressOn(custom, path)).origin).toBe(custom);
    }
  });

  it("takes only the first ? as the start of the query", () => {
    expect(sameAddressOn(custom, "/search?q=what?&x=1")).toBe("https://help.acme.com/search?q=what?&x=1");
  });
});

describe("ssoRequestOn", () => {
  const on = (path: string) => ssoRequestOn(custom, new URL(path, gatehouse), gatehouse);

  it("moves the request with its token as it came", () => {
    expect(on("/sso/jwt?jwt=aaa.bbb.ccc")).toBe("https://help.acme.com/sso/jwt?jwt=aaa.bbb.ccc");
    expect(on("/sso/jwt")).toBe("https://help.acme.com/sso/jwt");
  });

  it("moves a return_to or forward naming a page of the Gatehouse address along", () => {
    const moved = new URL(on(`/sso/login?return_to=${encodeURIComponent(`${gatehouse}/articles/x?y=1#part`)}`));
    expect(moved.searchParams.get("return_to")).toBe("https://help.acme.com/articles/x?y=1#part");
    const relative = new URL(on(`/sso/jwt?jwt=t&forward=${encodeURIComponent("/categories/billing")}`));
    expect(relative.searchParams.get("forward")).toBe("https://help.acme.com/categories/billing");
    expect(relative.searchParams.get("jwt")).toBe("t");
  });

  it("passes other values on as they came, for the custom domain to judge", () => {
    for (const value of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "http://acme.gatehouse.app/x"]) {
      const moved = new URL(on(`/sso/login?return_to=${encodeURIComponent(value)}`));
      expect(moved.searchParams.get("return_to")).toBe(value);
    }
  });

  it("keeps every value of a repeated parameter, so the custom domain refuses the same ambiguity", () => {
    const moved = new URL(on("/sso/jwt?jwt=a&jwt=b&return_to=/one&return_to=/two"));
    expect(moved.searchParams.getAll("jwt")).toEqual(["a", "b"]);
    expect(moved.searchParams.getAll("return_to")).toEqual(["https://help.acme.com/one", "https://help.acme.com/two"]);
  });
});
