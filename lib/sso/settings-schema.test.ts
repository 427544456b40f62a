import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ssoSettingsSchema, ssoUrlProblem } from "./settings-schema";

const valid = {
  loginUrl: "https://app.example.com/sso/login?from=help",
  logoutUrl: "",
  issuer: "",
  audience: "",
  tokenTtlSeconds: "300",
  clockSkewSeconds: "60",
  sessionLengthMinutes: "720",
  requireRedirectKey: "on",
  sharedSecret: "",
};
const fieldErrors = (input: object) => {
  const result = ssoSettingsSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("ssoSettingsSchema", () => {
  it("parses a valid form: numbers, checkbox, empty optionals", () => {
    expect(ssoSettingsSchema.parse(valid)).toEqual({
      loginUrl: "https://app.example.com/sso/login?from=help",
      tokenTtlSeconds: 300,
      clockSkewSeconds: 60,
      sessionLengthMinutes: 720,
      requireRedirectKey: true,
    });
    expect(ssoSettingsSchema.parse({ ...valid, requireRedirectKey: undefined }).requireRedirectKey).toBe(false);
  });

  it("takes an empty Login URL as none (tokens for the widget and API only)", () => {
    const tokensOnly = { ...valid, requireRedirectKey: undefined };
    expect(ssoSettingsSchema.parse({ ...tokensOnly, loginUrl: "" }).loginUrl).toBeUndefined();
    expect(ssoSettingsSchema.parse({ ...tokensOnly, loginUrl: "   " }).loginUrl).toBeUndefined();
    expect(ssoSettingsSchema.parse({ ...valid, loginUrl: " https://app.example.com/login " }).loginUrl).toBe("https://app.example.com/login");
  });

  it("refuses \"Only accept sign-ins that start at the help center\" without a Login URL, where no sign-in can start", () => {
    expect(fieldErrors({ ...valid, loginUrl: "", requireRedirectKey: "on" }).requireRedirectKey?.[0]).toMatch(/set one above, or leave this off/);
    expect(fieldErrors({ ...valid, loginUrl: "", requireRedirectKey: undefined }).requireRedirectKey).toBeUndefined();
    expect(fieldErrors({ ...valid, requireRedirectKey: "on" }).requireRedirectKey).toBeUndefined();
  });

  it("wants a Login URL on https, allowing http only for localhost", () => {
    expect(fieldErrors({ ...valid, loginUrl: "http://app.example.com/login" }).loginUrl?.[0]).toMatch(/https/);
    expect(fieldErrors({ ...valid, loginUrl: "http://localhost:4000/login" }).loginUrl).toBeUndefined();
    expect(fieldErrors({ ...valid, loginUrl: "http://127.0.0.1:4000/login" }).loginUrl).toBeUndefined();
    expect(fieldErrors({ ...valid, loginUrl: "javascript:alert(1)" }).loginUrl).toBeDefined();
    expect(fieldErrors({ ...valid, logoutUrl: "ftp://x.example" }).logoutUrl).toBeDefined();
    expect(ssoUrlProblem("https://user:pw@app.example.com/")).toMatch(/user name/);
  });

  it("refuses control characters in the URLs, the issuer and the audience (what is stored is what was typed)", () => {
    expect(ssoUrlProblem("https://app.example.com/a\u0000b")).toMatch(/Remove control characters/);
    expect(ssoUrlProblem("https://app.exa\tmple.com/login")).toMatch(/Remove control characters/);
    const errors = fieldErrors({ ...valid, logoutUrl: "https://app.example.com/out\u0000", issuer: "https://idp\u0000", audience: "help\ncenter" });
    expect(errors.logoutUrl?.[0]).toMatch(/from the URL/);
    expect(errors.issuer?.[0]).toMatch(/from the issuer/);
    expect(errors.audience?.[0]).toMatch(/from the audience/);
  });

  it("keeps Token TTL within 30–86400 and the leeway within 0–300 whole seconds", () => {
    expect(fieldErrors({ ...valid, tokenTtlSeconds: "29" }).tokenTtlSeconds?.[0]).toMatch(/between 30 and 86400/);
    expect(fieldErrors({ ...valid, tokenTtlSeconds: "86401" }).tokenTtlSeconds).toBeDefined();
    expect(fieldErrors({ ...valid, tokenTtlSeconds: "1.5" }).tokenTtlSeconds?.[0]).toMatch(/whole number/);
    expect(fieldErrors({ ...valid, clockSkewSeconds: "301" }).clockSkewSeconds).toBeDefined();
    expect(fieldErrors({ ...valid, clockSkewSeconds: "-1" }).clockSkewSeconds).toBeDefined();
    expect(fieldErrors({ ...valid, clockSkewSeconds: "abc" }).clockSkewSeconds).toBeDefined();
  });

  it("keeps Session length within 5 minutes and 30 days, in whole minutes", () => {
    expect(fieldErrors({ ...valid, sessionLengthMinutes: "4" }).sessionLengthMinutes?.[0]).toBe("Session length must be between 5 and 43200 minutes.");
    expect(fieldErrors({ ...valid, sessionLengthMinutes: "43201" }).sessionLengthMinutes).toBeDefined();
    expect(fieldErrors({ ...valid, sessionLengthMinutes: "90.5" }).sessionLengthMinutes?.[0]).toBe("Enter Session length as a whole number of minutes.");
    expect(fieldErrors({ ...valid, sessionLengthMinutes: "" }).sessionLengthMinutes).toBeDefined();
    expect(ssoSettingsSchema.parse({ ...valid, sessionLengthMinutes: "43200" }).sessionLengthMinutes).toBe(43200);
  });

  it("refuses a weak pasted secret and keeps the current one when the field is empty", () => {
    expect(fieldErrors({ ...valid, sharedSecret: "secret" }).sharedSecret?.[0]).toMatch(/at least 32/);
    expect(ssoSettingsSchema.parse(valid).sharedSecret).toBeUndefined();
  });
});
