// Sending readers from the Gatehouse address to the custom domain, against PostgreSQL: the setting
// (only with a served domain, never carried over to a new one, a change of it invalidating every
// app instance's cached sign-in settings) and the /sso/* endpoints passing requests on. The pages'
// redirect and the dashboard switch: e2e/custom-domain-redirect.spec.ts.
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as signInByGet, POST as signInByPost } from "@/app/sso/jwt/route";
import { GET as startSignIn } from "@/app/sso/login/route";
import { GET as signOut } from "@/app/sso/logout/route";
import { findCustomDomainState, findTenantForSite, setCustomDomainRedirect } from "@/lib/data/tenants";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";
import { configVersionOf, removeCustomDomain, serveCustomDomain, testDomain } from "./support/custom-domains";

/** Where APP_URL's scheme and port put the custom domain (lib/tenant/help-center-address.ts). */
const originOf = (domain: string) => `http://${domain}:3000`;

async function tenantWithDomain(): Promise<{ tenant: ApiTenant; domain: string }> {
  const tenant = await createApiTenant();
  await sql(`UPDATE sso_configs SET login_url = 'https://app.example/login', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
  const domain = testDomain();
  await serveCustomDomain(tenant.id, domain);
  return { tenant, domain };
}

const readerToken = (tenant: ApiTenant, email = `reader-${randomBytes(3).toString("hex")}@example.com`) =>
  mintSsoToken(tenant.secret, { email, name: "Moving Reader", jti: randomUUID() });

async function sessionCount(tenantId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM end_user_sessions WHERE tenant_id = $1`, [tenantId]);
  return row!.n;
}

async function spentTokenIds(tenantId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM used_token_ids WHERE tenant_id = $1`, [tenantId]);
  return row!.n;
}

const get = (host: string, path: string) => new NextRequest(`http://${host}${path}`, { headers: { host } });

describe("setCustomDomainRedirect", () => {
  it("turns the redirect on and off for the domain served, and each change invalidates cached sign-in settings", async () => {
    const { tenant, domain } = await tenantWithDomain();
    const v0 = await configVersionOf(tenant.id);
    expect(await setCustomDomainRedirect(tenant.id, domain, true)).toEqual({ status: "changed" });
    expect(await findCustomDomainState(tenant.id)).toMatchObject({ active: domain, redirect: true });
    expect(await findTenantForSite({ kind: "subdomain", subdomain: tenant.subdomain })).toMatchObject({ sendReadersTo: domain });
    const v1 = await configVersionOf(tenant.id);
    expect(v1).toBeGreaterThan(v0);

    expect(await setCustomDomainRedirect(tenant.id, domain, true)).toEqual({ status: "unchanged" });
    expect(await configVersionOf(tenant.id)).toBe(v1);
    expect(await setCustomDomainRedirect(tenant.id, domain, false)).toEqual({ status: "changed" });
    expect(await configVersionOf(tenant.id)).toBeGreaterThan(v1);
    expect(await findCustomDomainState(tenant.id)).toMatchObject({ redirect: false });
  });

  it("refuses a domain that is not the one served (another admin changed it), and a tenant without one", async () => {
    const { tenant, domain } = await tenantWithDomain();
    expect(await setCustomDomainRedirect(tenant.id, "someone-else.gatehouse.test", true)).toEqual({ status: "stale" });
    await removeCustomDomain(tenant.id);
    expect(await setCustomDomainRedirect(tenant.id, domain, true)).toEqual({ status: "stale" });
    expect(await findCustomDomainState(tenant.id)).toMatchObject({ active: null, redirect: false });
    // And the database itself refuses a redirect without a domain, however it is written.
    await expect(sql(`UPDATE tenants SET redirect_to_custom_domain = true WHERE id = $1`, [tenant.id])).rejects.toThrow(/tenants_redirect_needs_custom_domain/);
  });

  it("ends with the domain: removing it, or moving to a new one (whose CNAME may not lead here yet), turns it off", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await setCustomDomainRedirect(tenant.id, domain, true);
    const next = testDomain();
    expect(await serveCustomDomain(tenant.id, next)).toEqual({ status: "activated", previous: domain, redirectEnded: true });
    expect(await findCustomDomainState(tenant.id)).toMatchObject({ active: next, redirect: false });

    await setCustomDomainRedirect(tenant.id, next, true);
    await removeCustomDomain(tenant.id);
    expect(await findCustomDomainState(tenant.id)).toEqual({ active: null, pending: null, redirect: false });
  });
});

describe("/sso/* on the Gatehouse address of a help center that sends readers to its custom domain", () => {
  it("passes a token on to the custom domain without spending it, and it signs the reader in there", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await setCustomDomainRedirect(tenant.id, domain, true);
    const token = await readerToken(tenant);

    const passed = await signInByGet(get(tenant.host, `/sso/jwt?jwt=${token}&return_to=${encodeURIComponent(`http://${tenant.host}/articles/open`)}`));
    expect(passed.status).toBe(307);
    expect(passed.headers.get("cache-control")).toBe("no-store");
    expect(passed.headers.get("referrer-policy")).toBe("no-referrer");
    expect(passed.headers.getSetCookie()).toEqual([]);
    const location = new URL(passed.headers.get("location")!);
    expect(location.origin).toBe(originOf(domain));
    expect(location.pathname).toBe("/sso/jwt");
    expect(location.searchParams.get("jwt")).toBe(token);
    expect(location.searchParams.get("return_to")).toBe(`${originOf(domain)}/articles/open`);
    expect(await spentTokenIds(tenant.id)).toBe(0);
    expect(await sessionCount(tenant.id)).toBe(0);

    const hostThere = `${domain}:3000`;
    const there = await signInByGet(new NextRequest(location, { headers: { host: hostThere } }));
    expect(there.status).toBe(303);
    expect(there.headers.get("location")).toBe(`${originOf(domain)}/articles/open`);
    expect(await sessionCount(tenant.id)).toBe(1);
  });

  it("passes a POSTed token on with 307, so the browser posts the same form to the custom domain", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await setCustomDomainRedirect(tenant.id, domain, true);
    const body = new URLSearchParams({ jwt: await readerToken(tenant) });
    const response = await signInByPost(
      new NextRequest(`http://${tenant.host}/sso/jwt`, { method: "POST", body, headers: { host: tenant.host, "content-type": "application/x-www-form-urlencoded" } }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${originOf(domain)}/sso/jwt`);
    expect(await spentTokenIds(tenant.id)).toBe(0);
  });

  it("starts sign-ins on the custom domain, where the reader will read, with the page they wanted moved along", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await setCustomDomainRedirect(tenant.id, domain, true);
    const response = await startSignIn(get(tenant.host, `/sso/login?return_to=${encodeURIComponent("/categories/basics")}`));
    expect(response.status).toBe(307);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("location")).toBe(`${originOf(domain)}/sso/login?return_to=${encodeURIComponent(`${originOf(domain)}/categories/basics`)}`);
    const [keys] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM redirect_keys WHERE tenant_id = $1`, [tenant.id]);
    expect(keys!.n).toBe(0);
  });

  it("never passes on what arrives at the custom domain itself", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await setCustomDomainRedirect(tenant.id, domain, true);
    const onDomain = await signInByGet(get(domain, `/sso/jwt?jwt=${await readerToken(tenant)}`));
    expect(onDomain.status).toBe(303);
    expect(onDomain.headers.get("location")).toBe(`http://${domain}/`);
    const outThere = await signOut(get(domain, "/sso/logout"));
    expect(outThere.status).toBe(303);
    expect(outThere.headers.get("location")).toBe(`http://${domain}/signed-out`);
  });

  it("signs readers out at both addresses: the Gatehouse address ends its own session and sends the browser on to the custom domain's", async () => {
    const { tenant, domain } = await tenantWithDomain();
    await sql(`UPDATE sso_configs SET logout_url = 'https://app.example/logout', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith("gh_session="))!.split(";")[0]!;
    // A session from before the switch on the Gatehouse address, and the reader's session on the custom domain.
    const before = sessionCookieOf(await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant, "moving@example.com")}`)));
    await setCustomDomainRedirect(tenant.id, domain, true);
    const there = sessionCookieOf(await signInByGet(get(domain, `/sso/jwt?jwt=${await readerToken(tenant, "moving@example.com")}`)));
    const liveSessions = async () =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM end_user_sessions WHERE tenant_id = $1 AND revoked_at IS NULL`, [tenant.id]))[0]!.n;
    expect(await liveSessions()).toBe(2);

    // The tenant's app still signs people out at the Gatehouse address.
    const out = await signOut(new NextRequest(`http://${tenant.host}/sso/logout`, { headers: { host: tenant.host, cookie: before } }));
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe(`${originOf(domain)}/sso/logout`);
    expect(out.headers.getSetCookie()).toEqual([expect.stringMatching(/^gh_session=;/)]);
    expect(await liveSessions()).toBe(1);

    // The custom domain ends the reader's session there and goes on to the Logout URL, never back.
    const outThere = await signOut(new NextRequest(`http://${domain}/sso/logout`, { headers: { host: domain, cookie: there } }));
    expect(outThere.status).toBe(303);
    expect(outThere.headers.get("location")).toBe("https://app.example/logout");
    expect(await liveSessions()).toBe(0);
    const [logouts] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM sso_events WHERE tenant_id = $1 AND event_type = 'sso.logout'`, [tenant.id]);
    expect(logouts!.n).toBe(2);

    // With the switch off again, each address signs out its own sessions only.
    await setCustomDomainRedirect(tenant.id, domain, false);
    const offOut = await signOut(get(tenant.host, "/sso/logout"));
    expect(new URL(offOut.headers.get("location")!).host).toBe("app.example");
  });

  it("follows the switch at once although this process cached the host's settings, both ways", async () => {
    const { tenant, domain } = await tenantWithDomain();
    // Both addresses serve sign-ins while the redirect is off; this caches the Gatehouse address's settings.
    const before = await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant)}`));
    expect(before.status).toBe(303);
    expect(before.headers.get("location")).toBe(`http://${tenant.host}/`);

    await setCustomDomainRedirect(tenant.id, domain, true);
    const spent = await spentTokenIds(tenant.id);
    const on = await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant)}`));
    expect(on.status).toBe(307);
    expect(await spentTokenIds(tenant.id)).toBe(spent);

    // Now the cached copy says "pass on"; turned off, the next request is signed in here again.
    await setCustomDomainRedirect(tenant.id, domain, false);
    const off = await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant)}`));
    expect(off.status).toBe(303);
    expect(off.headers.get("location")).toBe(`http://${tenant.host}/`);

    // And a domain removed while the redirect was on is never passed on to.
    await setCustomDomainRedirect(tenant.id, domain, true);
    expect((await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant)}`))).status).toBe(307);
    await removeCustomDomain(tenant.id);
    expect((await signInByGet(get(tenant.host, `/sso/jwt?jwt=${await readerToken(tenant)}`))).status).toBe(303);
  });
});
