// The hc_jwt cookie flow's own refusals, through the real GET /sso/cookie handler against
// PostgreSQL: it does not go through signIn, so its mapping of settings and of the end user to
// reason codes is checked here, and each refusal is logged as sso.cookie_flow.rejected.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/sso/cookie/route";
import { mintSsoToken, type MintClaims } from "@/lib/sso/mint-token";
import { REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { JWT_COOKIE_MARKER, SESSION_COOKIE } from "@/lib/sso-web/cookies";
import { createApiTenant, lastEvent, sql, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
beforeEach(async () => {
  tenant = await createApiTenant();
});

function cookieToken(claims: MintClaims, secret = tenant.secret): Promise<string> {
  return mintSsoToken(secret, claims, new Date(), 120, "cookie");
}

async function arrive(token: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://${tenant.host}/sso/cookie?return_to=%2Farticles%2Fopen`, {
    headers: { host: tenant.host, cookie: `hc_jwt=${token}`, ...headers },
  });
  const response = await GET(request);
  return {
    status: response.status,
    location: response.headers.get("location"),
    /** how long the marker keeps this cookie from being tried again, in seconds; null: no marker */
    markedFor: Number(/Max-Age=(\d+)/i.exec(response.headers.getSetCookie().find((c) => c.startsWith(`${JWT_COOKIE_MARKER}=`)) ?? "")?.[1] ?? NaN) || null,
    startedSession: response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !/Max-Age=0/i.test(c)),
  };
}

/** Refused with the reason's own status, no session, no redirect, and the refusal logged. */
async function expectRefusal(outcome: Awaited<ReturnType<typeof arrive>>, reason: RejectionReason) {
  expect(outcome).toMatchObject({ status: REASONS[reason].status, location: null, startedSession: false, markedFor: 10 * 60 });
  expect(await lastEvent(tenant.id)).toMatchObject({ event_type: "sso.cookie_flow.rejected", reason_code: reason });
}

describe("GET /sso/cookie", () => {
  it("signs the holder in and goes on to the page asked for", async () => {
    const outcome = await arrive(await cookieToken({ email: "ok@example.com", name: "Okay" }));
    expect(outcome).toMatchObject({ status: 303, location: `http://${tenant.host}/articles/open`, startedSession: true });
  });

  it("sso_not_configured when the tenant's SSO is off", async () => {
    await sql(`UPDATE sso_configs SET enabled = false, updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    await expectRefusal(await arrive(await cookieToken({ email: "off@example.com", name: "Off" })), "sso_not_configured");
  });

  it("origin_not_allowed when sign-ins are restricted to allowed domains and the page came from elsewhere", async () => {
    await sql(`UPDATE sso_configs SET allowed_domains = '{app.example.com}', restrict_sign_in_origins = true, updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    const token = await cookieToken({ email: "away@example.com", name: "Away" });
    await expectRefusal(await arrive(token, { referer: "https://elsewhere.example/post" }), "origin_not_allowed");
    expect((await arrive(token, { referer: "https://app.example.com/home" })).startedSession).toBe(true);
  });

  it("key_required when sign-ins must start at the help center (a cookie never does)", async () => {
    await sql(`UPDATE sso_configs SET require_redirect_key = true, updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    await expectRefusal(await arrive(await cookieToken({ email: "key@example.com", name: "Key" })), "key_required");
  });

  it("user_suspended for a suspended end user", async () => {
    expect((await arrive(await cookieToken({ email: "sus@example.com", name: "Sus" }))).startedSession).toBe(true);
    await sql(`UPDATE end_users SET suspended = true WHERE tenant_id = $1 AND email = 'sus@example.com'`, [tenant.id]);
    await expectRefusal(await arrive(await cookieToken({ email: "sus@example.com", name: "Sus" })), "user_suspended");
  });

  it("user_conflict when the email belongs to someone with another external id", async () => {
    const first = `ext-${randomBytes(3).toString("hex")}`;
    expect((await arrive(await cookieToken({ email: "both@example.com", name: "First", external_id: first }))).startedSession).toBe(true);
    await expectRefusal(await arrive(await cookieToken({ email: "both@example.com", name: "Second", external_id: `${first}-other` })), "user_conflict");
  });

  it("bad_signature for a cookie signed with another secret", async () => {
    await expectRefusal(await arrive(await cookieToken({ email: "forged@example.com", name: "Forged" }, randomBytes(32).toString("base64url"))), "bad_signature");
  });

  it("a cookie token that has only aged (token_expired, token_too_old) is logged, and the visitor goes on to the page without an error page", async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    for (const [reason, issuedAt, ttl] of [["token_expired", tenMinutesAgo, 120], ["token_too_old", tenMinutesAgo, 3600]] as const) {
      const token = await mintSsoToken(tenant.secret, { email: "stale@example.com", name: "Stale" }, issuedAt, ttl, "cookie");
      const outcome = await arrive(token);
      expect(outcome).toMatchObject({ status: 303, location: `http://${tenant.host}/articles/open`, startedSession: false, markedFor: 24 * 60 * 60 });
      expect(await lastEvent(tenant.id)).toMatchObject({ event_type: "sso.cookie_flow.rejected", reason_code: reason });
    }
  });
});
