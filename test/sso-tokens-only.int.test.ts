// SSO without a Login URL ("Widget and API only"): tokens sign readers in through the widget, the
// read API and the customer's own links to /sso/jwt, while the help center has nowhere to send a
// visitor to start a sign-in. And the guards that keep a private help center from losing its way
// in: the Login URL, the SSO switch and the visibility each check the others under one lock.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as jwtGET } from "@/app/sso/jwt/route";
import { GET as loginGET } from "@/app/sso/login/route";
import { GET as widgetSession } from "@/app/api/widget/v1/session/route";
import { sharesOneSession } from "@/lib/database-url";
import { findSsoSettings, saveJwtSettings, setSsoEnabled, storeSharedSecret, type JwtSettingsUpdate } from "@/lib/data/sso-config";
import { setTenantVisibility } from "@/lib/data/tenants";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { bearer, call, createApiTenant, lastEvent, sql, widgetToken, type ApiTenant } from "./support/api-fixtures";
import { inAnotherTransaction, untilBlockedBy } from "./support/lock-waits";
import { testDatabaseUrl } from "./support/test-database-url";

const settings = (loginUrl: string | null): JwtSettingsUpdate => ({
  loginUrl, logoutUrl: null, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 0, requireRedirectKey: false, sessionLifetimeSeconds: 43200,
});

async function visibilityOf(tenantId: string): Promise<string> {
  const [row] = await sql<{ visibility: string }>(`SELECT visibility::text AS visibility FROM tenants WHERE id = $1`, [tenantId]);
  return row!.visibility;
}

/** A public help center with SSO on, a secret and no Login URL, as the dashboard now allows. */
async function tokensOnlyTenant(): Promise<ApiTenant> {
  const tenant = await createApiTenant();
  await sql(`UPDATE tenants SET visibility = 'public' WHERE id = $1`, [tenant.id]);
  expect(await saveJwtSettings(tenant.id, settings(null))).toMatchObject({ ok: true });
  return tenant;
}

describe("a help center whose SSO has no Login URL", () => {
  let tenant: ApiTenant;
  beforeAll(async () => {
    tenant = await tokensOnlyTenant();
  });

  it("serves the widget with its tokens", async () => {
    const response = await call(widgetSession, tenant, "/api/widget/v1/session", { headers: bearer(await widgetToken(tenant)) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ data: { user: { email: "reader@example.com" } } });
  });

  it("signs a reader in at /sso/jwt with a token the customer's app sent them with", async () => {
    const token = await mintSsoToken(tenant.secret, { email: "linked@example.com", name: "Linked", jti: randomUUID() });
    const response = await jwtGET(new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${token}`, { headers: { host: tenant.host } }));
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/gh_session=/);
  });

  it("refuses a stale token with the error page, without a bounce or a Try again that could not work", async () => {
    const token = await mintSsoToken(tenant.secret, { email: "late@example.com", name: "Late", jti: randomUUID() }, new Date(Date.now() - 3_600_000), 7200);
    const response = await jwtGET(new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${token}`, { headers: { host: tenant.host } }));
    expect(response.status).toBe(401);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("token_too_old");
    expect(html).not.toContain("/sso/login");
  });

  it("answers /sso/login with sso_not_configured, writes no key, and logs that the Login URL is missing", async () => {
    const [before] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM redirect_keys WHERE tenant_id = $1`, [tenant.id]);
    const response = await loginGET(new NextRequest(`http://${tenant.host}/sso/login`, { headers: { host: tenant.host, "sec-fetch-dest": "document" } }));
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Sign-in is not set up for this help center yet.");
    const [after] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM redirect_keys WHERE tenant_id = $1`, [tenant.id]);
    expect(after!.n).toBe(before!.n);
    expect(await lastEvent(tenant.id)).toMatchObject({
      event_type: "sso.redirect_flow.rejected",
      reason_code: "sso_not_configured",
      details: { phase: "start", detail: "No Login URL is set, so the help center cannot start a sign-in." },
    });
  });

  it("cannot be made private until it has a Login URL", async () => {
    expect(await setTenantVisibility(tenant.id, "private")).toEqual({ ok: false, reason: "private_needs_working_sso" });
    expect(await visibilityOf(tenant.id)).toBe("public");
    await saveJwtSettings(tenant.id, settings("https://app.example/login"));
    expect(await setTenantVisibility(tenant.id, "private")).toEqual({ ok: true });
    expect(await visibilityOf(tenant.id)).toBe("private");
  });
});

describe("what keeps a private help center reachable", () => {
  it("refuses to remove a private help center's Login URL, and saves nothing else of that form", async () => {
    const tenant = await createApiTenant();
    await saveJwtSettings(tenant.id, settings("https://app.example/login"));
    expect(await saveJwtSettings(tenant.id, { ...settings(null), tokenTtlSeconds: 120 })).toEqual({ ok: false, reason: "private_needs_login_url" });
    expect(await findSsoSettings(tenant.id)).toMatchObject({ loginUrl: "https://app.example/login", tokenTtlSeconds: 300 });
    // Public again, the Login URL may go.
    expect(await setTenantVisibility(tenant.id, "public")).toEqual({ ok: true });
    expect(await saveJwtSettings(tenant.id, settings(null))).toEqual({ ok: true, changed: ["loginUrl"], previous: { loginUrl: "https://app.example/login" } });
  });

  it("refuses to turn SSO off on a private help center, and on without a secret", async () => {
    const tenant = await createApiTenant();
    expect(await setSsoEnabled(tenant.id, false)).toEqual({ ok: false, reason: "private_needs_sso" });
    expect(await findSsoSettings(tenant.id)).toMatchObject({ enabled: true });

    const [fresh] = await sql<{ id: string }>(`INSERT INTO tenants (id, name, subdomain, updated_at) VALUES ($1, 'New', $2, now()) RETURNING id`, [randomUUID(), `new-${randomUUID().slice(0, 8)}`]);
    expect(await setSsoEnabled(fresh!.id, true)).toEqual({ ok: false, reason: "no_secret" });
    await storeSharedSecret(fresh!.id, "a-secret-long-enough-for-the-test-0123456789");
    expect(await setSsoEnabled(fresh!.id, true)).toEqual({ ok: true });
    expect(await findSsoSettings(fresh!.id)).toMatchObject({ enabled: true, loginUrl: null });
  });

  // Only on PostgreSQL: the embedded database runs one transaction at a time, so there is no race.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("never ends private without a Login URL when one admin removes it while another makes the help center private", async () => {
    for (let round = 0; round < 15; round += 1) {
      const tenant = await tokensOnlyTenant();
      await saveJwtSettings(tenant.id, settings("https://app.example/login"));
      const [cleared, madePrivate] = await Promise.all([saveJwtSettings(tenant.id, settings(null)), setTenantVisibility(tenant.id, "private")]);
      // Whichever went first, the other was judged against its result.
      expect(cleared.ok && madePrivate.ok).toBe(false);
      const [state] = await sql<{ visibility: string; login_url: string | null }>(
        `SELECT t.visibility::text AS visibility, c.login_url FROM tenants t JOIN sso_configs c ON c.tenant_id = t.id WHERE t.id = $1`,
        [tenant.id],
      );
      expect(state!.visibility === "private" && state!.login_url === null).toBe(false);
    }
  });

  // Both changes wait on the tenant's row, held here until both have reached it: each is then
  // judged against the other's result, whichever goes first. Without the lock both would pass
  // their checks against the old state (and neither would wait here).
  it.skipIf(sharesOneSession(testDatabaseUrl()))("never ends private with SSO off when one admin turns SSO off while another makes the help center private", async () => {
    const tenant = await tokensOnlyTenant();
    await saveJwtSettings(tenant.id, settings("https://app.example/login"));
    await inAnotherTransaction(async (holder) => {
      await holder.query("SELECT 1 FROM tenants WHERE id = $1 FOR NO KEY UPDATE", [tenant.id]);
      const changes = Promise.all([setSsoEnabled(tenant.id, false), setTenantVisibility(tenant.id, "private")]);
      await untilBlockedBy(holder, 2);
      await holder.query("COMMIT");
      const [switchedOff, madePrivate] = await changes;
      expect([switchedOff.ok, madePrivate.ok].filter(Boolean)).toHaveLength(1);
    });
    const [state] = await sql<{ visibility: string; enabled: boolean }>(
      `SELECT t.visibility::text AS visibility, c.enabled FROM tenants t JOIN sso_configs c ON c.tenant_id = t.id WHERE t.id = $1`,
      [tenant.id],
    );
    expect(state!.visibility === "private" && !state!.enabled).toBe(false);
  });
});
