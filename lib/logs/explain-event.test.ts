import { describe, expect, it } from "vitest";
import { REASONS, REJECTION_REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { duration, explainEvent, START_STEPS, utc, VERIFICATION_STEPS, type ExplainableEvent } from "./explain-event";

/** The reasons a token check decides: all but the limit on starting sign-ins. */
const TOKEN_REASONS = REJECTION_REASONS.filter((reason) => reason !== "too_many_sign_in_starts");

const ARRIVED = new Date("2026-05-01T12:00:00Z");
const ARRIVED_S = ARRIVED.getTime() / 1000;

function rejected(reasonCode: string | null, details: Record<string, unknown> = {}, extra: Partial<ExplainableEvent> = {}): ExplainableEvent {
  return {
    occurredAt: ARRIVED,
    eventType: "sso.redirect_flow.rejected",
    outcome: "rejected",
    reasonCode,
    iss: null,
    aud: null,
    jti: null,
    details,
    ...extra,
  };
}

function stepIndex(reason: RejectionReason): number {
  return VERIFICATION_STEPS.findIndex((step) => step.reasons.includes(reason));
}

const ORIGIN = stepIndex("origin_not_allowed");

describe("VERIFICATION_STEPS", () => {
  it("puts every rejection reason in exactly one step, except the one only the start of a sign-in decides", () => {
    for (const reason of TOKEN_REASONS) {
      const owners = VERIFICATION_STEPS.filter((step) => step.reasons.includes(reason));
      expect(owners, reason).toHaveLength(1);
    }
  });

  it("lists only known reasons, each once", () => {
    const all = VERIFICATION_STEPS.flatMap((step) => step.reasons);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...TOKEN_REASONS].sort());
  });
});

describe("explainEvent: a refusal at the start of a sign-in (/sso/login)", () => {
  it("too_many_sign_in_starts: its own steps (no token was ever checked), the limit failed, with the owner's fix", () => {
    const result = explainEvent(rejected("too_many_sign_in_starts"));
    expect(result.steps).toEqual([
      { label: "Single sign-on is on, with a shared secret and a Login URL", status: "passed" },
      { label: "Not too many unfinished sign-ins started from one address", status: "failed" },
    ]);
    expect(result.steps.map((step) => step.label)).toEqual(START_STEPS.map((step) => step.label));
    expect(result.failedCheck).toBe("Not too many unfinished sign-ins started from one address");
    expect(result.explanation).toBe(REASONS.too_many_sign_in_starts.title);
    expect(result.fix).toBe(REASONS.too_many_sign_in_starts.ownerHint);
  });

  it("sso_not_configured at the start: the start's steps, and what was missing when the endpoint said", () => {
    const detail = "No Login URL is set, so the help center cannot start a sign-in.";
    const result = explainEvent(rejected("sso_not_configured", { phase: "start", detail }));
    expect(result.steps).toEqual([
      { label: "Single sign-on is on, with a shared secret and a Login URL", status: "failed" },
      { label: "Not too many unfinished sign-ins started from one address", status: "not reached" },
    ]);
    expect(result.explanation).toBe(detail);
    expect(result.fix).toMatch(/^Set the Login URL in Settings → Security → SSO\./);
    // Without a detail (SSO off, or an entry from before details were logged): the reason's title.
    expect(explainEvent(rejected("sso_not_configured", { phase: "start" }))).toMatchObject({ explanation: REASONS.sso_not_configured.title, fix: REASONS.sso_not_configured.ownerHint });
    expect(explainEvent(rejected("sso_not_configured")).steps.map((step) => step.label)).toEqual(VERIFICATION_STEPS.map((step) => step.label));
  });
});

describe("explainEvent: step statuses for a rejection", () => {
  it.each(TOKEN_REASONS.map((reason) => [reason]))("%s: earlier steps passed, its step failed, later ones not checked", (reason) => {
    const result = explainEvent(rejected(reason));
    const failedAt = stepIndex(reason);
    expect(failedAt).toBeGreaterThanOrEqual(0);
    expect(result.steps.map((step) => step.label)).toEqual(VERIFICATION_STEPS.map((step) => step.label));
    result.steps.forEach((step, index) => {
      // The origin check only runs while the restriction is on, which this event does not record.
      const passed = index === ORIGIN ? "conditional" : "passed";
      const expected = index < failedAt ? passed : index === failedAt ? "failed" : "not reached";
      expect(step.status, `${reason} step ${index}`).toBe(expected);
    });
    expect(result.steps.filter((step) => step.status === "failed")).toHaveLength(1);
    expect(result.failedCheck).toBe(VERIFICATION_STEPS[failedAt]!.label);
    expect(result.fix).toBe(REASONS[reason].ownerHint);
  });

  it("a wrong-kind token refused for a claim never reached the kind check (jose ran first), as the token tester says", () => {
    const kindStep = (event: ExplainableEvent) => explainEvent(event).steps[stepIndex("token_kind_mismatch")]!.status;
    expect(kindStep(rejected("missing_claim", { claim: "name", header: { alg: "HS256", typ: "gatehouse-widget+jwt" } }))).toBe("not reached");
    expect(kindStep(rejected("invalid_claim", { claim: "iat", header: { alg: "HS256", typ: "gatehouse-widget+jwt" } }))).toBe("not reached");
    expect(kindStep(rejected("missing_claim", { claim: "name", header: { alg: "HS256", typ: "JWT" } }))).toBe("passed");
    expect(kindStep(rejected("missing_claim", { claim: "name", header: { typ: "JWT" } }, { eventType: "widget_jwt.rejected" }))).toBe("not reached");
    expect(kindStep(rejected("missing_claim", { claim: "name", header: { typ: "gatehouse-widget+jwt" } }, { eventType: "widget_jwt.rejected" }))).toBe("passed");
    // Reasons decided after the kind check keep it passed, whatever the header says.
    expect(kindStep(rejected("token_expired", { header: { typ: "gatehouse-widget+jwt" } }))).toBe("passed");
  });

  it("first step failing leaves nothing passed; last step failing leaves nothing unchecked", () => {
    const first = explainEvent(rejected("sso_not_configured"));
    expect(first.steps[0]!.status).toBe("failed");
    expect(first.steps.slice(1).every((step) => step.status === "not reached")).toBe(true);

    const last = explainEvent(rejected("user_conflict"));
    expect(last.steps.at(-1)!.status).toBe("failed");
    expect(last.steps.slice(0, -1).every((step, index) => step.status === (index === ORIGIN ? "conditional" : "passed"))).toBe(true);
  });
});

describe("explainEvent: the origin check, which only runs while the restriction is on", () => {
  // Regression: with "Only accept sign-ins from these domains" off, a token_expired event listed
  // "✓ The request comes from an allowed site (when restricted)" as passed, a check that never ran.
  it("is not marked passed when the event does not record whether the restriction was on", () => {
    for (const event of [rejected("token_expired"), rejected(null, {}, { eventType: "sso.login.succeeded", outcome: "success" })]) {
      const step = explainEvent(event).steps[ORIGIN]!;
      expect(step.status).toBe("conditional");
      expect(step.note).toBe("Only checked when “Only accept sign-ins from these domains” is on; this event does not record whether it was");
    }
  });

  it("is not checked when the event records the restriction off, and passed when on", () => {
    expect(explainEvent(rejected("token_expired", { originRestricted: false })).steps[ORIGIN]).toEqual({
      label: "The request comes from an allowed site", status: "not checked", note: "Not checked: the origin restriction is off",
    });
    expect(explainEvent(rejected("token_expired", { originRestricted: true })).steps[ORIGIN]).toEqual({ label: "The request comes from an allowed site", status: "passed" });
  });

  it("is never run for the widget and read API", () => {
    const step = explainEvent(rejected("token_expired", { originRestricted: true }, { eventType: "widget_jwt.rejected" })).steps[ORIGIN]!;
    expect(step).toMatchObject({ status: "not checked", note: "Not checked: the widget and read API are not held to the origin restriction" });
  });

  it("fails for origin_not_allowed and is not reached when SSO is not configured", () => {
    expect(explainEvent(rejected("origin_not_allowed", { detail: "Origin: evil.example, Referer: none" })).steps[ORIGIN]!.status).toBe("failed");
    expect(explainEvent(rejected("sso_not_configured")).steps[ORIGIN]!.status).toBe("not reached");
    expect(explainEvent(rejected(null, {}, { eventType: "sso.logout", outcome: "info" })).steps[ORIGIN]!.status).toBe("not reached");
  });
});

describe("explainEvent: explanations with the numbers", () => {
  it("iat_in_future: says how far ahead the signing clock is", () => {
    // Clock offsets are told in seconds, as NTP tools report them.
    const result = explainEvent(rejected("iat_in_future", { iat: ARRIVED_S + 95, exp: ARRIVED_S + 395 }));
    expect(result.explanation).toBe(
      "The token says it was issued at 2026-05-01 12:01:35 UTC, after it reached us: the signing server's clock is ahead of ours by about 95 s. Check its NTP.",
    );
    const small = explainEvent(rejected("iat_in_future", { iat: ARRIVED_S + 45 }));
    expect(small.explanation).toContain("ahead of ours by about 45 s.");
  });

  it("iat_in_future: detects an iat in milliseconds", () => {
    const iat = ARRIVED.getTime() + 5000;
    const result = explainEvent(rejected("iat_in_future", { iat }));
    expect(result.explanation).toContain(String(iat));
    expect(result.explanation).toMatch(/milliseconds/);
    expect(result.explanation).not.toMatch(/clock is ahead/);
  });

  it("token_expired: says how long after exp it arrived", () => {
    const result = explainEvent(rejected("token_expired", { iat: ARRIVED_S - 900, exp: ARRIVED_S - 600 }));
    expect(result.explanation).toBe("The token expired at 2026-05-01 11:50:00 UTC and reached us 10 min later.");
  });

  it("token_too_old: says how long before arrival it was issued, with the TTL from the detail", () => {
    const result = explainEvent(
      rejected("token_too_old", { iat: ARRIVED_S - 3725, exp: ARRIVED_S + 60, detail: "issued 3725 s ago; Token TTL is 300 s" }),
    );
    expect(result.explanation).toBe(
      "The token was issued at 2026-05-01 10:57:55 UTC, 1 h 2 min before it reached us (Token TTL is 300 s), longer than the Token TTL allows.",
    );
  });

  it("token_too_old: without iat, falls back to the detail", () => {
    const result = explainEvent(rejected("token_too_old", { detail: "issued 900 s ago; Token TTL is 300 s" }));
    expect(result.explanation).toBe("The token was too old when it arrived (issued 900 s ago; Token TTL is 300 s).");
  });

  it("token_too_old: with iat but a detail without the TTL part, adds no parenthesis", () => {
    const result = explainEvent(rejected("token_too_old", { iat: ARRIVED_S - 400 }));
    expect(result.explanation).toBe("The token was issued at 2026-05-01 11:53:20 UTC, 6 min 40 s before it reached us, longer than the Token TTL allows.");
  });

  it("not_yet_valid: says how far ahead nbf is", () => {
    const result = explainEvent(rejected("not_yet_valid", { nbf: ARRIVED_S + 7200 }));
    expect(result.explanation).toBe(
      "The token is not valid before 2026-05-01 14:00:00 UTC, 2 h after it reached us: the signing server's clock may be ahead, or nbf was set in the future.",
    );
  });

  it("exp_too_far: says how long the token is valid for", () => {
    const result = explainEvent(rejected("exp_too_far", { iat: ARRIVED_S, exp: ARRIVED_S + 2 * 86400 + 3600 }));
    expect(result.explanation).toBe("The token is valid for 2 days 1 h after iat; at most 24 hours is accepted.");
  });

  it("exp_too_far: detects an exp in milliseconds, even without iat", () => {
    const exp = (ARRIVED_S + 300) * 1000;
    for (const details of [{ iat: ARRIVED_S, exp }, { exp }]) {
      const result = explainEvent(rejected("exp_too_far", details));
      expect(result.explanation).toBe(`The token's exp (${exp}) looks like milliseconds; JWT times are in seconds.`);
    }
  });

  it("exp_too_far: an exp just below the milliseconds threshold is read as seconds", () => {
    const result = explainEvent(rejected("exp_too_far", { iat: 1e11 - 2 * 86400, exp: 1e11 }));
    expect(result.explanation).toBe("The token is valid for 2 days after iat; at most 24 hours is accepted.");
  });

  it("missing_claim and invalid_claim name the claim", () => {
    expect(explainEvent(rejected("missing_claim", { claim: "email" })).explanation).toBe("The token has no `email` claim.");
    expect(explainEvent(rejected("invalid_claim", { claim: "exp" })).explanation).toBe("The `exp` claim has the wrong type or format.");
    expect(explainEvent(rejected("invalid_claim", { claim: "exp", detail: "exp is not after iat" })).explanation).toBe(
      "The `exp` claim has the wrong type or format (exp is not after iat).",
    );
  });

  it("issuer_mismatch and audience_mismatch quote the token's values", () => {
    const issuer = explainEvent(rejected("issuer_mismatch", {}, { iss: "https://staging.example.com" }));
    expect(issuer.explanation).toContain('"https://staging.example.com"');
    expect(issuer.explanation).toContain("issuer (iss)");
    const audience = explainEvent(rejected("audience_mismatch", {}, { aud: "other-app" }));
    expect(audience.explanation).toContain('"other-app"');
    expect(audience.explanation).toContain("audience (aud)");
  });

  it("issuer_mismatch and audience_mismatch name the setting they were held to, when the entry recorded it", () => {
    const issuer = explainEvent(rejected("issuer_mismatch", { detail: 'expected "https://app.example.com"' }, { iss: "https://staging.example.com" }));
    expect(issuer.explanation).toBe('The token\'s issuer (iss) was "https://staging.example.com", which is not the Issuer set for this help center ("https://app.example.com").');
    const audience = explainEvent(rejected("audience_mismatch", { detail: 'expected "help-center"' }, { aud: "other-app" }));
    expect(audience.explanation).toContain('does not include the Audience set for this help center ("help-center").');
    // Older entries carry no detail: the sentence ends without it.
    expect(explainEvent(rejected("issuer_mismatch", {}, { iss: "x" })).explanation).toMatch(/this help center\.$/);
  });

  it("origin_not_allowed says which Origin and Referer the request came with", () => {
    const explained = explainEvent(rejected("origin_not_allowed", { detail: "Origin: login.idp.example, Referer: none" }));
    expect(explained.explanation).toContain("The request came with Origin: login.idp.example, Referer: none;");
    expect(explained.explanation).toContain("Allowed domains");
  });

  it("key_mismatch says which of its causes the request showed", () => {
    const elsewhere = explainEvent(rejected("key_mismatch", { detail: 'started at "https://help.acme.com"' }));
    expect(elsewhere.explanation).toContain("The sign-in started at https://help.acme.com, but the token was sent to another address");
    expect(explainEvent(rejected("key_mismatch", { detail: "no key cookie" })).explanation).toContain("without the cookie that ties the key to it");
    expect(explainEvent(rejected("key_mismatch", { detail: "key of another browser" })).explanation).toContain("issued to another browser");
    // Older entries carry no detail.
    expect(explainEvent(rejected("key_mismatch")).explanation).toBe(REASONS.key_mismatch.title);
  });

  it("issuer_mismatch and audience_mismatch say missing when the token had none", () => {
    expect(explainEvent(rejected("issuer_mismatch")).explanation).toContain("(iss) was missing");
    expect(explainEvent(rejected("audience_mismatch")).explanation).toContain("(aud) was missing");
  });

  it("bad_signature mentions a different secret", () => {
    const result = explainEvent(rejected("bad_signature"));
    expect(result.explanation).toMatch(/different secret/);
    expect(result.fix).toBe(REASONS.bad_signature.ownerHint);
  });

  it("jti_replayed includes the jti when known", () => {
    expect(explainEvent(rejected("jti_replayed", {}, { jti: "abc-123" })).explanation).toContain("(abc-123)");
    expect(explainEvent(rejected("jti_replayed")).explanation).not.toContain("(");
  });

  it("reasons without a specific explanation use the reason's title", () => {
    for (const reason of ["token_missing", "key_expired", "user_suspended"] as const) {
      expect(explainEvent(rejected(reason)).explanation).toBe(REASONS[reason].title);
    }
  });
});

describe("explainEvent: missing or odd details fall back gracefully", () => {
  const needDetails = ["iat_in_future", "token_expired", "token_too_old", "not_yet_valid", "exp_too_far", "missing_claim", "invalid_claim"] as const;

  it.each(needDetails.map((reason) => [reason]))("%s without details: the reason's title", (reason) => {
    const result = explainEvent(rejected(reason, {}));
    expect(result.explanation).toBe(REASONS[reason].title);
    expect(result.fix).toBe(REASONS[reason].ownerHint);
  });

  it("ignores non-numeric or non-finite times and non-string claims", () => {
    expect(explainEvent(rejected("token_expired", { exp: "1700000000" })).explanation).toBe(REASONS.token_expired.title);
    expect(explainEvent(rejected("not_yet_valid", { nbf: Number.NaN })).explanation).toBe(REASONS.not_yet_valid.title);
    expect(explainEvent(rejected("iat_in_future", { iat: Number.POSITIVE_INFINITY })).explanation).toBe(REASONS.iat_in_future.title);
    expect(explainEvent(rejected("missing_claim", { claim: 42 })).explanation).toBe(REASONS.missing_claim.title);
  });

  it("an unknown reason code does not throw and marks no step failed", () => {
    const result = explainEvent(rejected("reason_from_the_future"));
    expect(result.failedCheck).toBeNull();
    expect(result.fix).toBeNull();
    expect(result.steps.some((step) => step.status === "failed")).toBe(false);
    expect(typeof result.explanation).toBe("string");
    expect(result.explanation.length).toBeGreaterThan(0);
  });

  it("a rejection with no reason code does not throw", () => {
    const result = explainEvent(rejected(null));
    expect(result.failedCheck).toBeNull();
    expect(result.steps.some((step) => step.status === "failed")).toBe(false);
  });
});

describe("explainEvent: events that are not rejections", () => {
  it("a successful sign-in passed every step and needs no fix", () => {
    const result = explainEvent(rejected(null, {}, { eventType: "sso.login.succeeded", outcome: "succeeded" }));
    expect(result.failedCheck).toBeNull();
    expect(result.fix).toBeNull();
    expect(result.steps).toHaveLength(VERIFICATION_STEPS.length);
    expect(result.steps.every((step, index) => step.status === (index === ORIGIN ? "conditional" : "passed"))).toBe(true);
    expect(result.explanation).toMatch(/passed every check/);
  });

  it("a logout has no failed check and nothing marked passed", () => {
    const result = explainEvent(rejected(null, {}, { eventType: "sso.logout", outcome: "succeeded" }));
    expect(result.failedCheck).toBeNull();
    expect(result.fix).toBeNull();
    expect(result.steps.every((step) => step.status === "not reached")).toBe(true);
    expect(result.explanation).toMatch(/signed out/);
  });

  it("a session ended by a refused hc_jwt cookie naming someone else says so", () => {
    const result = explainEvent(rejected(null, { cause: "hc_jwt_named_someone_else" }, { eventType: "sso.logout", outcome: "info" }));
    expect(result.failedCheck).toBeNull();
    expect(result.explanation).toMatch(/hc_jwt cookie named someone else/);
  });

  it("a reason code on a non-rejected outcome is not treated as a failure", () => {
    const result = explainEvent(rejected("bad_signature", {}, { eventType: "sso.login.succeeded", outcome: "succeeded" }));
    expect(result.failedCheck).toBeNull();
    expect(result.fix).toBeNull();
  });
});

describe("duration", () => {
  it.each([
    [0, "0 s"],
    [59, "59 s"],
    [59.4, "59 s"],
    [59.6, "1 min"],
    [60, "1 min"],
    [61, "1 min 1 s"],
    [95, "1 min 35 s"],
    [725, "12 min 5 s"],
    [3599, "59 min 59 s"],
    [3600, "1 h"],
    [3660, "1 h 1 min"],
    [3659, "1 h"],
    [12000, "3 h 20 min"],
    [86399, "23 h 59 min"],
    [86400, "1 day"],
    [90000, "1 day 1 h"],
    [172800, "2 days"],
    [187200, "2 days 4 h"],
  ])("%s s → %s", (input, expected) => {
    expect(duration(input)).toBe(expected);
  });

  it("uses the absolute value of negative spans", () => {
    expect(duration(-59)).toBe("59 s");
    expect(duration(-95)).toBe("1 min 35 s");
    expect(duration(-3600)).toBe("1 h");
    expect(duration(-172800)).toBe("2 days");
  });
});

describe("utc", () => {
  it("formats epoch seconds as YYYY-MM-DD HH:MM:SS UTC", () => {
    expect(utc(0)).toBe("1970-01-01 00:00:00 UTC");
    expect(utc(ARRIVED_S + 95)).toBe("2026-05-01 12:01:35 UTC");
    expect(utc(ARRIVED_S + 0.999)).toBe("2026-05-01 12:00:00 UTC");
  });

  it("returns the raw number when it is not a representable date", () => {
    expect(utc(1e20)).toBe("100000000000000000000");
    expect(utc(Number.NaN)).toBe("NaN");
  });
});
