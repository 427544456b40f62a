// A tenant's custom domain against PostgreSQL: asking for it (pending until proved), serving it once
// proved (unique across help centers, even when two prove it at once), and /sso/jwt on that host
// following it when it moves — the sign-in settings this process cached for the host must not keep
// signing readers in to the help center that left it. The DNS proof itself: domain-verification.test.ts
// and txt-lookup.test.ts; the whole journey: e2e/dashboard-custom-domain.spec.ts.
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/sso/jwt/route";
import { GET as startSignIn } from "@/app/sso/login/route";
import { activatePendingCustomDomain, findCustomDomainState, requestCustomDomain } from "@/lib/data/tenants";
import { sharesOneSession } from "@/lib/database-url";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";
import { inAnotherTransaction, untilBlockedBy } from "./support/lock-waits";
import { testDatabaseUrl } from "./support/test-database-url";
import { configVersionOf, customDomainOf, nextChallenge, removeCustomDomain, serveCustomDomain, testDomain } from "./support/custom-domains";

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

describe("requestCustomDomain and activatePendingCustomDomain", () => {
  it("keeps an asked-for domain pending (not served) with one challenge until it is proved, then serves it; each served change bumps the SSO settings' version", async () => {
    const tenant = await createApiTenant();
    const [first, second] = [testDomain(), testDomain()];
    const v0 = await configVersionOf(tenant.id);

    const asked = await requestCustomDomain(tenant.id, first, nextChallenge);
    expect(asked).toMatchObject({ status: "pending", domain: first });
    const { challenge } = asked as { challenge: string };
    expect(await customDomainOf(tenant.id)).toBeNull();
    expect(await configVersionOf(tenant.id)).toBe(v0);
    expect((await signInAt(first, tenant)).status).toBe(404);
    // Asking again keeps the challenge: a TXT record already published for it stays good.
    expect(await requestCustomDomain(tenant.id, first, nextChallenge)).toEqual({ status: "unchanged" });
    expect(await findCustomDomainState(tenant.id)).toEqual({ active: null, pending: { domain: first, challenge }, redirect: false });

    // A proof of an older claim (another challenge) serves nothing.
    expect(await activatePendingCustomDomain(tenant.id, { domain: first, challenge: "an-earlier-claim" })).toEqual({ status: "stale" });
    expect(await activatePendingCustomDomain(tenant.id, { domain: first, challenge })).toEqual({ status: "activated", previous: null, redirectEnded: false });
    expect(await findCustomDomainState(tenant.id)).toEqual({ active: first, pending: null, redirect: false });
    const v1 = await configVersionOf(tenant.id);
    expect(v1).toBeGreaterThan(v0);
    expect((await signInAt(first, tenant)).status).toBe(303);

    // Asking for another keeps the first served until the second is proved.
    const move = await requestCustomDomain(tenant.id, second, nextChallenge);
    expect(move).toMatchObject({ status: "pending", domain: second });
    expect(await customDomainOf(tenant.id)).toBe(first);
    expect(await configVersionOf(tenant.id)).toBe(v1);
    // Asking for the served one again drops the pending change.
    expect(await requestCustomDomain(tenant.id, first, nextChallenge)).toEqual({ status: "kept", cancelled: second });
    expect(await requestCustomDomain(tenant.id, first, nextChallenge)).toEqual({ status: "unchanged" });

    expect(await serveCustomDomain(tenant.id, second)).toEqual({ status: "activated", previous: first, redirectEnded: false });
    expect((await signInAt(first, tenant)).status).toBe(404);
    const pendingThird = testDomain();
    await requestCustomDomain(tenant.id, pendingThird, nextChallenge);
    expect(await removeCustomDomain(tenant.id)).toEqual({ status: "removed", previous: second, cancelled: pendingThird });
    expect(await findCustomDomainState(tenant.id)).toEqual({ active: null, pending: null, redirect: false });
    expect(await configVersionOf(tenant.id)).toBeGreaterThan(v1);
    expect(await removeCustomDomain(tenant.id)).toEqual({ status: "unchanged" });
  });

  it("refuses to ask for a domain another help center serves, and leaves both as they were", async () => {
    const [owner, other] = [await createApiTenant(), await createApiTenant()];
    const domain = testDomain();
    await serveCustomDomain(owner.id, domain);
    expect(await requestCustomDomain(other.id, domain, nextChallenge)).toEqual({ status: "taken" });
    expect(await customDomainOf(owner.id)).toBe(domain);
    expect(await findCustomDomainState(other.id)).toEqual({ active: null, pending: null, redirect: false });
  });

  it("lets several help centers ask for one domain (a claim cannot block its owner), and serves it to exactly one when they prove it at the same moment", async () => {
    const tenants = await Promise.all(Array.from({ length: 4 }, () => createApiTenant()));
    const domain = testDomain();
    const claims = await Promise.all(tenants.map((tenant) => requestCustomDomain(tenant.id, domain, nextChallenge)));
    expect(claims.map((claim) => claim.status)).toEqual(["pending", "pending", "pending", "pending"]);
    const results = await Promise.all(tenants.map((tenant, i) => activatePendingCustomDomain(tenant.id, claims[i] as { domain: string; challenge: string })));
    expect(results.filter((result) => result.status === "activated")).toHaveLength(1);
    expect(results.filter((result) => result.status === "taken")).toHaveLength(3);
    const holders = await sql(`SELECT id FROM tenants WHERE custom_domain = $1`, [domain]);
    expect(holders).toHaveLength(1);
  });

  // Only on PostgreSQL: the embedded database has one session, so nothing can hold a lock apart.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("reports what it replaced as it stood when it replaced it, even when another change was in flight", async () => {
    const tenant = await createApiTenant();
    const served = testDomain();
    await serveCustomDomain(tenant.id, served);
    const asked = await requestCustomDomain(tenant.id, testDomain(), nextChallenge);
    if (asked.status !== "pending") throw new Error(asked.status);
    // Another admin turns the redirect on, and their transaction has not committed yet.
    await inAnotherTransaction(async (other) => {
      await other.query(`UPDATE tenants SET redirect_to_custom_domain = true WHERE id = $1`, [tenant.id]);
      const activation = activatePendingCustomDomain(tenant.id, asked);
      await untilBlockedBy(other, 1);
      await other.query("COMMIT");
      // The move ended the redirect the other admin had just turned on, and says so.
      expect(await activation).toEqual({ status: "activated", previous: served, redirectEnded: true });
    });
  });
});

describe("GET /sso/jwt on a custom domain", () => {
  it("signs readers in to the help center that has the domain, and follows the domain when it moves to another", async () => {
    const [before, after] = [await createApiTenant(), await createApiTenant()];
    const domain = testDomain();
    await serveCustomDomain(before.id, domain);

    const first = await signInAt(domain, before);
    expect(first).toEqual({ status: 303, location: `http://${domain}/`, sessionTenant: before.id });

    // The settings for this host are now cached in this process, for the first help center.
    await removeCustomDomain(before.id);
    expect(await serveCustomDomain(after.id, domain)).toEqual({ status: "activated", previous: null, redirectEnded: false });

    const moved = await signInAt(domain, after);
    expect(moved).toEqual({ status: 303, location: `http://${domain}/`, sessionTenant: after.id });
    const stale = await signInAt(domain, before);
    expect(stale.status).toBe(401);
    expect(stale.sessionTenant).toBeNull();
  });

  it("is a plain 404 once the domain is removed", async () => {
    const tenant = await createApiTenant();
    const domain = testDomain();
    await serveCustomDomain(tenant.id, domain);
    expect((await signInAt(domain, tenant)).status).toBe(303);
    await removeCustomDomain(tenant.id);
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
    await serveCustomDomain(tenant.id, domain);

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
