import { describe, expect, it, vi } from "vitest";
import { REASONS } from "./reasons";
import { claims, handToken, mintToken, NOW, NOW_SECONDS, SECRET_A, SECRET_B, segments, ssoConfig } from "./test-tokens";
import { checkToken, type CheckStatus, type TokenCheckConfig, type TokenCheckReport, type TokenIdState } from "./token-check";
import { COOKIE_TOKEN_TYPE, WIDGET_TOKEN_TYPE, type TokenKind } from "./verify-token";

const FRESH: TokenIdState = { used: false, key: null };
const config = (overrides: Partial<TokenCheckConfig> = {}): TokenCheckConfig => ({ ...ssoConfig(), requireRedirectKey: false, ...overrides });
const widgetHeader = { typ: WIDGET_TOKEN_TYPE };

const REDIRECT_STEPS = 10;
const WIDGET_STEPS = 8;

async function check(token: string, options: { kind?: TokenKind; cfg?: TokenCheckConfig | null; state?: TokenIdState } = {}) {
  const lookUpTokenId = vi.fn(async () => options.state ?? FRESH);
  const report = await checkToken({ token, config: options.cfg === undefined ? config() : options.cfg, now: NOW, kind: options.kind ?? "redirect", lookUpTokenId });
  return { report, lookUpTokenId };
}

/** The statuses in order, as one string: "PPF..." (passed, failed, not reached). */
function shape(report: TokenCheckReport): string {
  const letter: Record<CheckStatus, string> = { passed: "P", failed: "F", "not reached": "." };
  return report.steps.map((step) => letter[step.status]).join("");
}

/** The report of a failure at step `index` (0-based) of `total`. */
function failedAt(index: number, total: number): string {
  return "P".repeat(index) + "F" + ".".repeat(total - index - 1);
}

describe("checkToken: every check passes", () => {
  it("redirect: ten checks passed, notes say what was found, and the jti is only looked up", async () => {
    const token = await mintToken(claims());
    const { report, lookUpTokenId } = await check(token);
    expect(report.ok).toBe(true);
    expect(shape(report)).toBe("P".repeat(REDIRECT_STEPS));
    expect(report.failure).toBeNull();
    expect(report.signatureVerified).toBe(true);
    expect(report.steps.map((step) => step.label)).toEqual([
      "Single sign-on is on, with a shared secret",
      "Size (at most 8 KiB) and JWT shape",
      "HS256 signature made with the shared secret",
      "The right kind of token (sign-in redirect, widget or cookie)",
      "Required claims present, with the right types",
      "Token times: exp, nbf, iat and the Token TTL",
      "Issuer (iss) matches the Issuer setting",
      "Audience (aud) matches the Audience setting",
      "Not used before (jti)",
      "Started at the help center (redirect key)",
    ]);
    expect(report.steps[6]!.note).toBe("No Issuer set: any iss is accepted.");
    expect(report.steps[8]!.note).toBe("Not used yet. Testing does not use it up.");
    expect(report.steps[9]!.note).toContain("Not required by your settings");
    expect(lookUpTokenId).toHaveBeenCalledExactlyOnceWith("jti-0001");
  });

  it("widget: eight checks (no replay, no redirect key: widget tokens are reusable), storage never asked", async () => {
    const token = await mintToken(claims(), SECRET_A, widgetHeader);
    const { report, lookUpTokenId } = await check(token, { kind: "widget" });
    expect(report.ok).toBe(true);
    expect(shape(report)).toBe("P".repeat(WIDGET_STEPS));
    expect(report.steps[3]!.note).toBe(`The header typ is "${WIDGET_TOKEN_TYPE}".`);
    expect(lookUpTokenId).not.toHaveBeenCalled();
  });

  it("cookie: nine checks (no replay: the cookie is reused; the redirect-key setting applies), storage never asked", async () => {
    const token = await mintToken(claims(), SECRET_A, { typ: COOKIE_TOKEN_TYPE });
    const { report, lookUpTokenId } = await check(token, { kind: "cookie" });
    expect(report.ok).toBe(true);
    expect(shape(report)).toBe("P".repeat(9));
    expect(report.steps[3]!.note).toBe(`The header typ is "${COOKIE_TOKEN_TYPE}".`);
    expect(report.steps[8]!.label).toBe("Started at the help center (redirect key)");
    expect(report.steps[8]!.note).toContain("the hc_jwt cookie may start a session");
    expect(lookUpTokenId).not.toHaveBeenCalled();
  });

  it("cookie: refused with key_required where sign-ins must start at the help center; a widget token is the wrong kind", async () => {
    const cookieToken = await mintToken(claims(), SECRET_A, { typ: COOKIE_TOKEN_TYPE });
    const required = await check(cookieToken, { kind: "cookie", cfg: config({ requireRedirectKey: true }) });
    expect(shape(required.report)).toBe(failedAt(8, 9));
    expect(required.report.failure?.reason).toBe("key_required");
    const widget = await check(await mintToken(claims(), SECRET_A, widgetHeader), { kind: "cookie" });
    expect(shape(widget.report)).toBe(failedAt(3, 9));
    expect(widget.report.failure?.reason).toBe("token_kind_mismatch");
  });

  it("a jti that is a fresh redirect key passes, noting the browser binding is checked at sign-in", async () => {
    const key = { expiresAt: new Date(NOW.getTime() + 300_000), usedAt: null };
    const { report } = await check(await mintToken(claims()), { cfg: config({ requireRedirectKey: true }), state: { used: false, key } });
    expect(report.ok).toBe(true);
    expect(report.steps[9]!.note).toMatch(/redirect key we issued, unused, valid until 2026-06-01 12:05:00 UTC.*browser/);
  });

  it("decodes the header and claims and shows the times in UTC with their age; never the signature or secret", async () => {
    const token = await mintToken(claims({ nbf: NOW_SECONDS - 30 }));
    const { report } = await check(token);
    expect(report.header).toEqual({ alg: "HS256" });
    expect(report.claims).toMatchObject({ email: "jane@example.com", jti: "jti-0001" });
    expect(report.times).toEqual([
      { claim: "iat", seconds: NOW_SECONDS - 30, utc: "2026-06-01 11:59:30 UTC", relative: "30 s ago" },
      { claim: "nbf", seconds: NOW_SECONDS - 30, utc: "2026-06-01 11:59:30 UTC", relative: "30 s ago" },
      { claim: "exp", seconds: NOW_SECONDS + 270, utc: "2026-06-01 12:04:30 UTC", relative: "in 4 min 30 s" },
    ]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(SECRET_A);
    expect(text).not.toContain(segments(token)[2]);
  });
});

describe("checkToken: the first failing check, its explanation and fix", () => {
  const cases: { name: string; step: number; reason: keyof typeof REASONS; token: () => Promise<string>; cfg?: TokenCheckConfig | null; kind?: TokenKind; state?: TokenIdState; explanation: RegExp | "title" }[] = [
    { name: "SSO is off", step: 0, reason: "sso_not_configured", token: () => mintToken(), cfg: config({ enabled: false }), explanation: "title" },
    { name: "no secret", step: 0, reason: "sso_not_configured", token: () => mintToken(), cfg: config({ secret: null }), explanation: "title" },
    { name: "no configuration at all", step: 0, reason: "sso_not_configured", token: () => mintToken(), cfg: null, explanation: "title" },
    { name: "not a JWT", step: 1, reason: "token_malformed", token: async () => "not a token", explanation: "title" },
    { name: "over 8 KiB", step: 1, reason: "token_too_large", token: () => mintToken(claims({ custom_fields: { pad: "x".repeat(9000) } })), explanation: "title" },
    { name: "another secret", step: 2, reason: "bad_signature", token: () => mintToken(claims(), SECRET_B), explanation: /does not match this help center's shared secret/ },
    { name: "HS512", step: 2, reason: "alg_not_allowed", token: async () => handToken({ alg: "HS512" }, claims(), { hash: "sha512" }), explanation: "title" },
    { name: "a widget token at sign-in", step: 3, reason: "token_kind_mismatch", token: () => mintToken(claims(), SECRET_A, widgetHeader), explanation: "title" },
    { name: "a sign-in token as a widget token", step: 3, reason: "token_kind_mismatch", token: () => mintToken(), kind: "widget", explanation: "title" },
    { name: "a bad email", step: 4, reason: "invalid_claim", token: () => mintToken(claims({ email: "not-an-email" })), explanation: /`email` claim/ },
    { name: "no name", step: 4, reason: "missing_claim", token: () => mintToken(claims({ name: undefined })), explanation: /no `name` claim/ },
    { name: "expired", step: 5, reason: "token_expired", token: () => mintToken(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 300 })), explanation: /expired at 2026-06-01 11:55:00 UTC/ },
    { name: "too old for the Token TTL", step: 5, reason: "token_too_old", token: () => mintToken(claims({ iat: NOW_SECONDS - 1000, exp: NOW_SECONDS + 60 })), explanation: /issued at 2026-06-01 11:43:20 UTC, 16 min 40 s before it reached us \(Token TTL is 300 s\)/ },
    { name: "nbf ahead", step: 5, reason: "not_yet_valid", token: () => mintToken(claims({ nbf: NOW_SECONDS + 600 })), explanation: /not valid before 2026-06-01 12:10:00 UTC/ },
    { name: "wrong issuer", step: 6, reason: "issuer_mismatch", token: () => mintToken(claims({ iss: "https://other.example" })), cfg: config({ issuer: "https://app.example" }), explanation: /"https:\/\/other\.example"/ },
    { name: "wrong audience", step: 7, reason: "audience_mismatch", token: () => mintToken(claims()), cfg: config({ audience: "help" }), explanation: /was missing/ },
    { name: "jti already used", step: 8, reason: "jti_replayed", token: () => mintToken(), state: { used: true, key: null }, explanation: /already used/ },
    { name: "redirect key already used", step: 8, reason: "jti_replayed", token: () => mintToken(), state: { used: false, key: { expiresAt: new Date(NOW.getTime() + 60_000), usedAt: NOW } }, explanation: /\(jti-0001\) was already used/ },
    { name: "redirect key expired", step: 9, reason: "key_expired", token: () => mintToken(), state: { used: false, key: { expiresAt: NOW, usedAt: null } }, explanation: "title" },
    { name: "a key is required and this jti is none", step: 9, reason: "key_required", token: () => mintToken(), cfg: config({ requireRedirectKey: true }), explanation: "title" },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const kind = c.kind ?? "redirect";
    const { report } = await check(await c.token(), { kind, cfg: c.cfg, state: c.state });
    expect(report.ok).toBe(false);
    expect(shape(report)).toBe(failedAt(c.step, kind === "widget" ? WIDGET_STEPS : REDIRECT_STEPS));
    expect(report.failure?.reason).toBe(c.reason);
    expect(report.failure?.check).toBe(report.steps[c.step]!.label);
    expect(report.failure?.fix).toBe(REASONS[c.reason].ownerHint);
    // "title": no numbers to show, so the explanation is the reason's own plain sentence.
    if (c.explanation === "title") expect(report.failure?.explanation).toBe(REASONS[c.reason].title);
    else expect(report.failure?.explanation).toMatch(c.explanation);
    expect(report.steps.filter((step) => step.status !== "passed").every((step) => step.note === undefined)).toBe(true);
  });

  // The same failures as widget tokens, where they apply (no replay or key steps for widgets).
  it.each([
    ["another secret", 2, () => mintToken(claims(), SECRET_B, widgetHeader)],
    ["a bad email", 4, () => mintToken(claims({ email: "nope" }), SECRET_A, widgetHeader)],
    ["expired", 5, () => mintToken(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 300 }), SECRET_A, widgetHeader)],
  ] as const)("widget: %s fails at step %i", async (_name, step, token) => {
    const { report } = await check(await token(), { kind: "widget" });
    expect(shape(report)).toBe(failedAt(step, WIDGET_STEPS));
  });

  it("widget: issuer and audience", async () => {
    const token = await mintToken(claims({ iss: "https://app.example" }), SECRET_A, widgetHeader);
    expect(shape((await check(token, { kind: "widget", cfg: config({ issuer: "https://other.example" }) })).report)).toBe(failedAt(6, WIDGET_STEPS));
    expect(shape((await check(token, { kind: "widget", cfg: config({ audience: "help" }) })).report)).toBe(failedAt(7, WIDGET_STEPS));
  });

  it("widget: SSO off and a malformed token", async () => {
    expect(shape((await check(await mintToken(claims(), SECRET_A, widgetHeader), { kind: "widget", cfg: config({ enabled: false }) })).report)).toBe(failedAt(0, WIDGET_STEPS));
    expect(shape((await check("a.b", { kind: "widget" })).report)).toBe(failedAt(1, WIDGET_STEPS));
  });

  it("does not look the jti up when verification already failed", async () => {
    const { lookUpTokenId } = await check(await mintToken(claims(), SECRET_B));
    expect(lookUpTokenId).not.toHaveBeenCalled();
  });

  it("a bad signature: the decoded values are flagged as unverified", async () => {
    const { report } = await check(await mintToken(claims(), SECRET_B));
    expect(report.signatureVerified).toBe(false);
    expect(report.claims).toMatchObject({ email: "jane@example.com" });
  });

  it("a missing claim in a token of the wrong kind: jose refused it before the kind was checked", async () => {
    // verify-token reports missing_claim here (jose checks required claims first), so the kind
    // check is shown as not reached rather than passed.
    const { report } = await check(await mintToken(claims({ name: undefined }), SECRET_A, widgetHeader));
    expect(report.failure?.reason).toBe("missing_claim");
    expect(shape(report)).toBe("PPP.F.....");
  });

  it("garbage: nothing decoded, no times", async () => {
    const { report } = await check("%%%");
    expect(report.header).toBeNull();
    expect(report.claims).toBeNull();
    expect(report.times).toEqual([]);
  });
});
