import { describe, expect, it } from "vitest";
import { helpCenterAddress } from "./help-center-address";

describe("helpCenterAddress", () => {
  it("is <subdomain>.<app host> with APP_URL's scheme and port", () => {
    expect(helpCenterAddress({ subdomain: "acme", customDomain: null }, "http://localhost:3000")).toEqual({
      host: "acme.localhost:3000",
      origin: "http://acme.localhost:3000",
    });
    expect(helpCenterAddress({ subdomain: "acme", customDomain: null }, "https://gatehouse.example")).toEqual({
      host: "acme.gatehouse.example",
      origin: "https://acme.gatehouse.example",
    });
  });

  it("is the custom domain when the tenant has one, on the same scheme and port", () => {
    expect(helpCenterAddress({ subdomain: "acme", customDomain: "help.acme.com" }, "https://gatehouse.example").origin).toBe("https://help.acme.com");
    expect(helpCenterAddress({ subdomain: "acme", customDomain: "help.acme.test" }, "http://localhost:3000")).toEqual({
      host: "help.acme.test:3000",
      origin: "http://help.acme.test:3000",
    });
  });
});
