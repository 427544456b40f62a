// key_mismatch against PostgreSQL, through the real /sso/login and /sso/jwt handlers: the log entry
// says which cause the request showed (lib/sso/key-mismatch.ts), so support can tell a token sent
// to the help center's other address from a browser without the key's cookie, or holding another
// browser's.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as signInByGet } from "@/app/sso/jwt/route";
import { GET as startSignIn } from "@/app/sso/login/route";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { createApiTenant, lastEvent, sql, type ApiTenant } from "./support/api-fixtures";
import { serveCustomDomain, testDomain } from "./support/custom-domains";

async function privateTenantWithDomain(): Promise<{ tenant: ApiTenant; domain: string }> {
  const tenant = await createApiTenant();
  await sql(`UPDATE sso_configs SET login_url = 'https://app.example/login', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
  const domain = testDomain();
  await serveCustomDomain(tenant.id, domain);
  return { tenant, domain };
}

/** A browser starting a sign-in at `host`: the key the Login URL gets, and the binding cookie. */
async function startAt(host: string): Promise<{ key: string; cookie: string }> {
  const response = await startSignIn(new NextRequest(`http://${host}/sso/login?return_to=%2Farticles%2Fx`, { headers: { host } }));
  expect(response.status).toBe(302);
  const key = new URL(response.headers.get("location")!).searchParams.get("key")!;
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("gh_sso_binding="))!.split(";")[0]!;
  return { key, cookie };
}

async function returnWithKey(tenant: ApiTenant, host: string, key: string, cookie?: string) {
  const token = await mintSsoToken(tenant.secret, { email: "kim@example.com", name: "Kim", jti: key });
  const response = await signInByGet(new NextRequest(`http://${host}/sso/jwt?jwt=${token}`, { headers: { host, ...(cookie ? { cookie } : {}) } }));
  return { status: response.status, event: await lastEvent(tenant.id) };
}

describe("key_mismatch's log entry names the cause", () => {
  it("a token sent to the custom domain for a sign-in started at the Gatehouse address: where it started", async () => {
    const { tenant, domain } = await privateTenantWithDomain();
    const { key } = await startAt(tenant.host);
    // The binding cookie is host-only: the browser has none for the custom domain.
    const { status, event } = await returnWithKey(tenant, domain, key);
    expect(status).toBe(401);
    expect(event).toMatchObject({ event_type: "sso.redirect_flow.rejected", reason_code: "key_mismatch" });
    expect(event!.details.detail).toBe(`started at "http://${tenant.host}"`);
  });

  it("the same address without the key's cookie, and with another browser's", async () => {
    const { tenant } = await privateTenantWithDomain();
    const first = await startAt(tenant.host);
    const without = await returnWithKey(tenant, tenant.host, first.key);
    expect(without.status).toBe(401);
    expect(without.event).toMatchObject({ reason_code: "key_mismatch", details: expect.objectContaining({ detail: "no key cookie" }) });

    const victim = await startAt(tenant.host);
    const attacker = await startAt(tenant.host);
    const stolen = await returnWithKey(tenant, tenant.host, victim.key, attacker.cookie);
    expect(stolen.status).toBe(401);
    expect(stolen.event).toMatchObject({ reason_code: "key_mismatch", details: expect.objectContaining({ detail: "key of another browser" }) });

    // A browser that brings back its own key with its own cookie signs in.
    const fresh = await startAt(tenant.host);
    expect((await returnWithKey(tenant, tenant.host, fresh.key, fresh.cookie)).status).toBe(303);
  });
});
