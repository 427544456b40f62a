import { describe, expect, it } from "vitest";
import { isUsableSsoConfig, isWorkingConfiguration, signInSourceRefusal, ssoSetupState } from "./sign-in-gate";

describe("ssoSetupState", () => {
  it.each([
    ["no settings", null, "off"],
    ["SSO off, with everything else", { enabled: false, hasSecret: true, loginUrl: "https://app.example/login" }, "off"],
    ["on without a secret", { enabled: true, hasSecret: false, loginUrl: "https://app.example/login" }, "off"],
    ["on with a secret and no Login URL", { enabled: true, hasSecret: true, loginUrl: null }, "tokens-only"],
    ["on with a secret and an empty Login URL", { enabled: true, hasSecret: true, loginUrl: "" }, "tokens-only"],
    ["on with a secret and a Login URL", { enabled: true, hasSecret: true, loginUrl: "https://app.example/login" }, "working"],
  ] as const)("%s: %s", (_, setup, state) => {
    expect(ssoSetupState(setup)).toBe(state);
    // Only a help center that can start a sign-in may be private or offer Sign in.
    expect(isWorkingConfiguration(setup)).toBe(state === "working");
  });
});

describe("isUsableSsoConfig", () => {
  it("passes settings that are on and have a secret", () => {
    expect(isUsableSsoConfig({ enabled: true, secret: "s3cret", loginUrl: null })).toBe(true);
  });

  it.each([
    ["no settings", null],
    ["SSO off", { enabled: false, secret: "s3cret" }],
    ["no secret yet", { enabled: true, secret: null }],
    ["an empty secret", { enabled: true, secret: "" }],
  ])("refuses %s", (_, config) => {
    expect(isUsableSsoConfig(config)).toBe(false);
  });
});

describe("signInSourceRefusal", () => {
  const restricted = { restrictSignInOrigins: true, allowedDomains: ["app.example.com", "*.partner.example"] };

  it("lets everything through while the tenant does not restrict sign-in sources", () => {
    expect(signInSourceRefusal({ ...restricted, restrictSignInOrigins: false }, { origin: "https://evil.example", referer: null }, "help.example.com")).toBeNull();
  });

  it("lets through the help center itself, allowed domains, and requests that name no source", () => {
    expect(signInSourceRefusal(restricted, { origin: "https://app.example.com", referer: "https://app.example.com/login?x=1" }, "help.example.com")).toBeNull();
    expect(signInSourceRefusal(restricted, { origin: null, referer: "https://eu.partner.example/" }, "help.example.com")).toBeNull();
    expect(signInSourceRefusal(restricted, { origin: "https://help.example.com", referer: null }, "help.example.com")).toBeNull();
    expect(signInSourceRefusal(restricted, { origin: null, referer: null }, "help.example.com")).toBeNull();
  });

  it("refuses another site with origin_not_allowed, naming hostnames only (never a Referer's path or query)", () => {
    const refusal = signInSourceRefusal(restricted, { origin: "https://evil.example", referer: "https://evil.example/page?jwt=secret-looking" }, "help.example.com");
    expect(refusal).toEqual({ reason: "origin_not_allowed", detail: "Origin: evil.example, Referer: evil.example" });
  });

  it("refuses a source it cannot read, such as Origin: null from a sandboxed frame", () => {
    expect(signInSourceRefusal(restricted, { origin: "null", referer: null }, "help.example.com")).toEqual({
      reason: "origin_not_allowed",
      detail: "Origin: unreadable, Referer: none",
    });
  });
});
