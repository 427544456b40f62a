// The cookies a successful GET /sso/jwt sets: a fresh session always, and the bounce marker's
// removal only for a browser that holds it. The real route handler against PostgreSQL.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/sso/jwt/route";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { BOUNCE_COOKIE, SESSION_COOKIE } from "@/lib/sso-web/cookies";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
});

async function signIn(cookie?: string): Promise<{ status: number; setCookies: string[] }> {
  const token = await mintSsoToken(tenant.secret, { email: "cookie@example.com", name: "Cookie Tester", jti: randomUUID() });
  const request = new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${token}`, { headers: { host: tenant.host, ...(cookie ? { cookie } : {}) } });
  const response = await GET(request);
  return { status: response.status, setCookies: response.headers.getSetCookie() };
}

describe("GET /sso/jwt cookies on success", () => {
  it("sets only the session cookie when the browser holds no bounce marker", async () => {
    const { status, setCookies } = await signIn();
    expect(status).toBe(303);
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{32};`));
    expect(setCookies[0]).toMatch(/HttpOnly/i);
  });

  it("expires the bounce marker of a browser that was bounced, so its next failure may bounce again", async () => {
    const { status, setCookies } = await signIn(`${BOUNCE_COOKIE}=1`);
    expect(status).toBe(303);
    expect(setCookies.map((cookie) => cookie.split("=")[0])).toEqual([SESSION_COOKIE, BOUNCE_COOKIE]);
    const bounce = setCookies.find((cookie) => cookie.startsWith(`${BOUNCE_COOKIE}=`))!;
    expect(bounce).toMatch(new RegExp(`^${BOUNCE_COOKIE}=;`));
    expect(bounce).toMatch(/Max-Age=0/i);
    expect(bounce).toMatch(/Path=\//i);
  });
});

describe("GET /sso/jwt session length", () => {
  it("lasts the tenant's Session length, read afresh when the setting changes (the cached settings are stale)", async () => {
    await signIn(); // the settings are now cached in this process at their default, 12 hours
    await sql(`UPDATE sso_configs SET session_lifetime_seconds = 1800, updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    const before = Date.now();
    const { status, setCookies } = await signIn();
    expect(status).toBe(303);
    expect(setCookies[0]).toMatch(/Max-Age=1800(;|$)/i);
    const [row] = await sql<{ expires_at: Date }>(
      `SELECT expires_at FROM end_user_sessions WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [tenant.id],
    );
    const lifetime = row!.expires_at.getTime() - before;
    expect(lifetime).toBeGreaterThan(1795_000);
    expect(lifetime).toBeLessThan(1805_000);
  });
});
