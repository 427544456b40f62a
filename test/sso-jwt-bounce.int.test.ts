// The jwt_error bounce: a refusal that a freshly minted token would fix sends the browser back to
// the tenant's Login URL once, with the reason; the next refusal in a row shows the error page.
// Every such reason is exercised here, through the real route handler against PostgreSQL (the e2e
// specs walk token_expired and jti_replayed in a browser).
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/sso/jwt/route";
import { createRedirectKey } from "@/lib/data/redirect-keys";
import { generateOpaqueToken } from "@/lib/sso/opaque-token";
import { BINDING_COOKIE, BOUNCE_COOKIE } from "@/lib/sso-web/cookies";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";

const LOGIN_URL = "https://app.example/sso/start?from=help";
const TTL_SECONDS = 300; // createApiTenant's Token TTL, with no clock-skew leeway

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
  await sql(`UPDATE sso_configs SET login_url = $2, updated_at = now() WHERE tenant_id = $1`, [tenant.id, LOGIN_URL]);
});

/** A redirect token as the tenant mints it, issued `age` seconds ago and valid for `validFor`. */
function token(options: { jti?: string; age?: number; validFor?: number } = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - (options.age ?? 0);
  return new SignJWT({ jti: options.jti ?? randomUUID(), iat, exp: iat + (options.validFor ?? 120), email: "bounce@example.com", name: "Bounce Tester" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(tenant.secret));
}

async function submit(jwt: string, cookies: Record<string, string> = {}) {
  const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join("; ");
  const request = new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${jwt}`, { headers: { host: tenant.host, ...(cookie ? { cookie } : {}) } });
  const response = await GET(request);
  return { status: response.status, location: response.headers.get("location"), setCookies: response.headers.getSetCookie() };
}

/** A browser that started the flow 11 minutes ago: its key has expired. */
async function expiredKeyFlow() {
  const key = generateOpaqueToken();
  const binding = generateOpaqueToken();
  await createRedirectKey(tenant.id, key, binding, `http://${tenant.host}/articles/waiting`, { now: new Date(Date.now() - 11 * 60 * 1000) });
  return { jwt: await token({ jti: key }), cookies: { [BINDING_COOKIE]: binding } };
}

const cases: [string, () => Promise<{ jwt: string; cookies?: Record<string, string> }>][] = [
  ["token_expired", async () => ({ jwt: await token({ age: 200, validFor: 100 }) })],
  ["token_too_old", async () => ({ jwt: await token({ age: TTL_SECONDS + 60, validFor: 3600 }) })],
  [
    "jti_replayed",
    async () => {
      const jwt = await token();
      expect((await submit(jwt)).status).toBe(303); // the first use signs in
      return { jwt };
    },
  ],
  ["key_expired", expiredKeyFlow],
];

describe("GET /sso/jwt: refusals a fresh token fixes", () => {
  it.each(cases)("%s bounces once to the Login URL with jwt_error, then shows the 401 page", async (reason, attempt) => {
    const first = await attempt();
    const bounced = await submit(first.jwt, first.cookies);
    expect(bounced.status).toBe(303);
    const location = new URL(bounced.location!);
    expect(`${location.origin}${location.pathname}`).toBe("https://app.example/sso/start");
    expect(location.searchParams.get("from")).toBe("help"); // the Login URL's own query is kept
    expect(location.searchParams.get("jwt_error")).toBe(reason);
    expect(location.searchParams.get("subdomain")).toBe(tenant.subdomain);
    expect(location.searchParams.get("key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const marker = bounced.setCookies.find((cookie) => cookie.startsWith(`${BOUNCE_COOKIE}=1;`));
    expect(marker, "the bounce marker").toBeDefined();

    // The same failure again, from the browser that was just bounced: the page, not another trip.
    const second = await attempt();
    const shown = await submit(second.jwt, { ...second.cookies, [BOUNCE_COOKIE]: "1" });
    expect(shown.status).toBe(401);
    expect(shown.location).toBeNull();
  });

  it("a refusal a fresh token cannot fix (bad_signature) shows the page at once", async () => {
    const forged = await new SignJWT({ jti: randomUUID(), iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60, email: "x@example.com", name: "X" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("not the tenant's secret, but long enough"));
    const response = await submit(forged);
    expect(response.status).toBe(401);
    expect(response.location).toBeNull();
  });
});
