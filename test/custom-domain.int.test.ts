// A tenant's custom domain against PostgreSQL: saving it (unique across help centers, even when two
// save at once), and /sso/jwt on that host following it when it moves — the sign-in settings this
// process cached for the host must not keep signing readers in to the help center that left it.
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/sso/jwt/route";
import { GET as startSignIn } from "@/app/sso/login/route";
import { setCustomDomain } from "@/lib/data/tenants";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";

const testDomain = () => `help-${randomBytes(4).toString("hex")}.gatehouse.test`;

async function customDomainOf(tenantId: string): Promise<string | null> {
  const [row] = await sql<{ custom_domain: string | null }>(`SELECT custom_domain FROM tenants WHERE id = $1`, [tenantId]);
  return row!.custom_domain;
}

async function configVersionOf(tenantId: string): Promise<bigint> {
  const [row] = await sql<{ config_version: string }>(`SELECT config_version FROM sso_configs WHERE tenant_id = $1`, [tenantId]);
  return BigInt(row!.config_version);
}

async function signInAt(host: string, tenant: ApiTenant): Promise<{ status: number; location: string | null; sessionTenant: string | null }> {
  const email = `reader-${randomBytes(3).toString("hex")}@example.com`;
  const token = await mintSsoToken(tenant.secret, { email, name: "Domain Reader", jti: randomUUID() });
  const response = await GET(new NextRequest(`http://${host}/sso/jwt?jwt=${token}`, { headers: { host } }));
  const [session] = await sql<{ tenant_id: string }>(
    `SELECT s.tenant_id FROM end_user_sessions s JOIN end_users u ON u.id = s.end_user_id WHERE u.email = $1`,
    [email],
  );
  return { status: response.status, location: response.headers.get("location"), sessionTenant: session?.tenant_id ?? null };
}

describe("setCustomDomain", () => {
  it("sets, reports a repeat as unchanged, moves and removes the domain, and each change bumps the SSO settings' version", async () => {
    const tenant = await createApiTenant();
    const [first, second] = [testDomain(), testDomain()];
    const v0 = await configVersionOf(tenant.id);

    expect(await setCustomDomain(tenant.id, first)).toEqual({ status: "changed", previous: null });
    expect(await customDomainOf(tenant.id)).toBe(first);
    const v1 = await configVersionOf(tenant.id);
    expect(v1).toBeGreaterThan(v0);

    expect(await setCustomDomain(tenant.id, first)).toEqual({ status: "unchanged" });
    expect(await configVersionOf(tenant.id)).toBe(v1);

    expect(await setCustomDomain(tenant.id, second)).toEqual({ status: "changed", previous: first });
    expect(await setCustomDomain(tenant.id, null)).toEqual({ status: "changed", previous: second });
    expect(await customDomainOf(tenant.id)).toBeNull();
    expect(await configVersionOf(tenant.id)).toBeGreaterThan(v1);
  });

  it("refuses a domain another help center has, and leaves both as they were", async () => {
    const [owner, other] = [await createApiTenant(), await createApiTenant()];
    const domain = testDomain();
    await setCustomDomain(owner.id, domain);
    expect(await setCustomDomain(other.id, domain)).toEqual({ status: "taken" });
    expect(await customDomainOf(owner.id)).toBe(domain);
    expect(await customDomainOf(other.id)).toBeNull();
  });

  it("gives a domain two help centers save at the same moment to exactly one of them", async () => {
    const tenants = await Promise.all(Array.from({ length: 4 }, () => createApiTenant()));
    const domain = testDomain();
    const results = await Promise.all(tenants.map((tenant) => setCustomDomain(tenant.id, domain)));
    expect(results.filter((result) => result.status === "changed")).toHaveLength(1);
    expect(results.filter((result) => result.status === "taken")).toHaveLength(3);
    const holders = await sql(`SELECT id FROM tenants WHERE custom_domain = $1`, [domain]);
    expect(holders).toHaveLength(1);
  });
});

describe("GET /sso/jwt on a custom domain", () => {
  it("signs readers in to the help center that has the domain, and follows the domain when it moves to another", async () => {
    const [before, after] = [await createApiTenant(), await createApiTenant()];
    const domain = testDomain();
    await setCustomDomain(before.id, domain);

    const first = await signInAt(domain, before);
    expect(first).toEqual({ status: 303, location: `http://${domain}/`, sessionTenant: before.id });

    // The settings for this host are now cached in this process, for the first help center.
    await setCustomDomain(before.id, null);
    expect(await setCustomDomain(after.id, domain)).toEqual({ status: "changed", previous: null });

    const moved = await signInAt(domain, after);
    expect(moved).toEqual({ status: 303, location: `http://${domain}/`, sessionTenant: after.id });
    const stale = await signInAt(domain, before);
    expect(stale.status).toBe(401);
    expect(stale.sessionTenant).toBeNull();
  });

  it("is a plain 404 once the domain is removed", async () => {
    const tenant = await createApiTenant();
    const domain = testDomain();
    await setCustomDomain(tenant.id, domain);
    expect((await signInAt(domain, tenant)).status).toBe(303);
    await setCustomDomain(tenant.id, null);
    const gone = await signInAt(domain, tenant);
    expect(gone).toMatchObject({ status: 404, sessionTenant: null });
  });
});

describe("the sign-in's cross-site cookies on a custom domain served over plain http", () => {
  // Browsers keep Secure cookies from http://*.localhost (a secure context) but drop them from any
  // other http host: a Secure binding cookie there would be lost, and every sign-in would end in
  // key_mismatch. So those hosts get SameSite=Lax cookies without Secure.
  it("binds the redirect key with a cookie the browser keeps, and the sign-in that comes back with it succeeds", async () => {
    const tenant = await createApiTenant();
    await sql(`UPDATE sso_configs SET login_url = 'https://app.example/login', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    const domain = testDomain();
    await setCustomDomain(tenant.id, domain);

    const onSubdomain = await startSignIn(new NextRequest(`http://${tenant.host}/sso/login`, { headers: { host: tenant.host } }));
    expect(onSubdomain.headers.getSetCookie()[0]).toMatch(/^gh_sso_binding=[\w-]{32};.*Secure/i);
    expect(onSubdomain.headers.getSetCookie()[0]).toMatch(/SameSite=none/i);

    const started = await startSignIn(new NextRequest(`http://${domain}/sso/login?return_to=%2Fdocs`, { headers: { host: domain } }));
    expect(started.status).toBe(302);
    const [binding] = started.headers.getSetCookie();
    expect(binding).toMatch(/^gh_sso_binding=[\w-]{32};/);
    expect(binding).toMatch(/SameSite=lax/i);
    expect(binding).not.toMatch(/Secure/i);
    const key = new URL(started.headers.get("location")!).searchParams.get("key")!;

    const token = await mintSsoToken(tenant.secret, { email: "bound@example.com", name: "Bound Reader", jti: key });
    const cookie = binding!.split(";")[0]!;
    const finished = await GET(new NextRequest(`http://${domain}/sso/jwt?jwt=${token}`, { headers: { host: domain, cookie } }));
    expect(finished.status).toBe(303);
    expect(finished.headers.get("location")).toBe(`http://${domain}/docs`);
  });
});
