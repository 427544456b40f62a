import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getArticle, OPTIONS as articlePreflight } from "@/app/api/widget/v1/articles/[id]/route";
import { GET as searchArticles, OPTIONS as searchPreflight } from "@/app/api/widget/v1/articles/route";
import { GET as getSession } from "@/app/api/widget/v1/session/route";
import { storeSharedSecret } from "@/lib/data/sso-config";
import { MAX_AGE_MS } from "@/lib/sso-web/access-snapshot";
import { REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { b64json, handToken } from "@/lib/sso/test-tokens";
import { bearer, call, createApiTenant, lastEvent, sql, widgetToken, writeCounts, type ApiTenant } from "./support/api-fixtures";

// The widget API (/api/widget/v1): Bearer widget tokens verified by the same rules as /sso/jwt,
// refusals logged as widget_jwt.rejected and answered 401 { error: { code, message } }, the jti
// never consumed, nothing written on success, CORS only for the tenant's Allowed domains.

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant({ allowedDomains: ["app.example.com", "*.corp.example"] });
});

const search = (token: string | null, query = "", headers: Record<string, string> = {}) =>
  call(searchArticles, tenant, `/api/widget/v1/articles${query}`, { headers: { ...(token ? bearer(token) : {}), ...headers } });

describe("a valid widget token", () => {
  it("searches the articles its holder may see, and writes nothing, however often it is reused", async () => {
    const before = await writeCounts(tenant.id);
    const token = await widgetToken(tenant);
    for (let i = 0; i < 3; i += 1) {
      const response = await search(token, "?q=article");
      expect(response.status).toBe(200);
      expect(response.body!.data.map((a: { id: string }) => a.id)).toEqual([tenant.articles.open]);
    }
    expect(await writeCounts(tenant.id)).toEqual(before);
  });

  it("sees restricted articles only with a group in common; drafts never", async () => {
    const beta = await widgetToken(tenant, { claims: { groups: ["beta"] } });
    const ids = (await search(beta)).body!.data.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([tenant.articles.open, tenant.articles.beta].sort());
    const alias = await widgetToken(tenant, { claims: { permission_groups: ["beta"] } });
    expect((await search(alias)).body!.data).toHaveLength(2);

    const plain = await widgetToken(tenant);
    const hidden = await call(getArticle, tenant, `/api/widget/v1/articles/${tenant.articles.beta}`, { headers: bearer(plain), params: { id: tenant.articles.beta } });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    const shown = await call(getArticle, tenant, `/api/widget/v1/articles/${tenant.articles.beta}`, { headers: bearer(beta), params: { id: tenant.articles.beta } });
    expect(shown.status).toBe(200);
    expect(shown.body!.data).toMatchObject({ id: tenant.articles.beta, title: "Article beta", url: `http://${tenant.host}/articles/beta` });
    expect(shown.body!.data.html).toContain("<strong>beta</strong>");
    const draft = await call(getArticle, tenant, `/api/widget/v1/articles/${tenant.articles.draft}`, { headers: bearer(beta), params: { id: tenant.articles.draft } });
    expect(draft.status).toBe(404);
  });

  it("searches by word prefixes as the reader types, title matches first", async () => {
    const token = await widgetToken(tenant, { claims: { groups: ["beta"] } });
    const titles = async (q: string) => (await search(token, `?q=${encodeURIComponent(q)}`)).body!.data.map((a: { title: string }) => a.title);
    expect(await titles("bet")).toEqual(["Article beta"]);
    expect(await titles("how op")).toEqual(["Article open"]); // body words, both as prefixes
    expect(await titles("article & | !")).toHaveLength(2); // punctuation is not query syntax
    expect(await titles("nothing-like-this")).toEqual([]);
    const excerpt = (await search(token, "?q=open")).body!.data[0].excerpt;
    expect(excerpt).toBe("open How to open.");
  });

  it("tells the widget its holder and the Token TTL it must refresh by", async () => {
    const response = await call(getSession, tenant, "/api/widget/v1/session", { headers: { ...bearer(await widgetToken(tenant)), "x-gatehouse-app-id": tenant.subdomain } });
    expect(response.status).toBe(200);
    expect(response.body!.data).toEqual({
      help_center: { name: "API test" },
      token_ttl_seconds: 300,
      clock_skew_seconds: 0,
      user: { email: "reader@example.com", name: "Reader" },
    });
  });

  it("refuses an app_id that names another help center", async () => {
    const response = await search(await widgetToken(tenant), "", { "x-gatehouse-app-id": "someone-else" });
    expect(response.status).toBe(400);
    expect(response.body!.error.code).toBe("app_id_mismatch");
  });

  it("validates parameters with a clear 400", async () => {
    const token = await widgetToken(tenant);
    expect((await search(token, "?limit=0")).body!.error.code).toBe("invalid_parameter");
    expect((await search(token, `?q=${"x".repeat(201)}`)).status).toBe(400);
  });
});

/** Each reason a widget token can be refused for, and a request that provokes it. */
const REFUSALS: [RejectionReason, (t: ApiTenant) => Promise<string | null>][] = [
  ["token_missing", async () => null],
  ["token_malformed", async () => "not-a-jwt"],
  ["token_too_large", (t) => widgetToken(t, { claims: { custom_fields: { pad: "x".repeat(9000) } } })],
  ["alg_not_allowed", async (t) => new SignJWT({ email: "a@example.com" }).setProtectedHeader({ alg: "HS512", typ: "gatehouse-widget+jwt" }).sign(new TextEncoder().encode(t.secret))],
  ["unsupported_header", async (t) => handToken({ alg: "HS256", typ: "gatehouse-widget+jwt", crit: ["exp"] }, { email: "a@example.com" }, { secret: t.secret })],
  ["bad_signature", (t) => widgetToken(t, { secret: "a-different-secret-entirely-0123456789" })],
  ["claims_malformed", async (t) => handToken({ alg: "HS256", typ: "gatehouse-widget+jwt" }, { raw: b64json([1, 2]) }, { secret: t.secret })],
  ["token_kind_mismatch", (t) => widgetToken(t, { header: { typ: "JWT" } })],
  ["missing_claim", (t) => widgetToken(t, { claims: { email: undefined } })],
  ["invalid_claim", (t) => widgetToken(t, { claims: { email: "not an email" } })],
  ["token_expired", (t) => widgetToken(t, { age: 100, claims: { exp: Math.floor(Date.now() / 1000) - 50 } })],
  ["not_yet_valid", (t) => widgetToken(t, { claims: { nbf: Math.floor(Date.now() / 1000) + 120 } })],
  ["iat_in_future", (t) => widgetToken(t, { age: -120 })],
  ["token_too_old", (t) => widgetToken(t, { age: 400 })],
  ["exp_too_far", (t) => widgetToken(t, { claims: { exp: Math.floor(Date.now() / 1000) + 3 * 86400 } })],
];

describe("every refusal: 401 with a stable code and plain words, logged as widget_jwt.rejected", () => {
  it.each(REFUSALS)("%s", async (reason, makeToken) => {
    const response = await search(await makeToken(tenant), "", { origin: "https://app.example.com" });
    expect(response.status).toBe(401);
    expect(response.body!.error.code).toBe(reason);
    expect(response.body!.error.message).toContain(REASONS[reason].title);
    expect(response.body!.error.message).not.toContain(tenant.secret);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="gatehouse"/);
    // The widget on an allowed site can read the refusal (CORS headers on errors too).
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const event = await lastEvent(tenant.id);
    expect(event).toMatchObject({ event_type: "widget_jwt.rejected", reason_code: reason });
    expect(event!.details).toMatchObject({ surface: "widget", path: "/api/widget/v1/articles" });
    expect(JSON.stringify(event)).not.toContain(tenant.secret);
  });

  it("issuer_mismatch and audience_mismatch", async () => {
    const strict = await createApiTenant({ issuer: "https://app.example.com", audience: "help" });
    const call401 = async (claims: Record<string, unknown>) =>
      (await call(searchArticles, strict, "/api/widget/v1/articles", { headers: bearer(await widgetToken(strict, { claims })) })).body!.error.code;
    expect(await call401({ iss: "https://evil.example", aud: "help" })).toBe("issuer_mismatch");
    expect(await call401({ iss: "https://app.example.com", aud: "other" })).toBe("audience_mismatch");
    expect((await lastEvent(strict.id))!.reason_code).toBe("audience_mismatch");
  });

  it("sso_not_configured when the tenant turned SSO off", async () => {
    const off = await createApiTenant();
    const token = await widgetToken(off);
    await sql(`UPDATE sso_configs SET enabled = false, updated_at = now() WHERE tenant_id = $1`, [off.id]);
    const response = await call(searchArticles, off, "/api/widget/v1/articles", { headers: bearer(token) });
    expect(response.body!.error.code).toBe("sso_not_configured");
  });

  it("user_suspended, within a second of the suspension", async () => {
    const email = `suspended-${randomBytes(3).toString("hex")}@example.com`;
    const token = await widgetToken(tenant, { claims: { email } });
    expect((await search(token)).status).toBe(200);
    await sql(`INSERT INTO end_users (id, tenant_id, email, name, suspended, updated_at) VALUES ($1, $2, $3, 'S', true, now())`, [randomUUID(), tenant.id, email]);
    const suspendedAt = Date.now();
    await expect.poll(async () => (await search(token)).body!.error?.code, { timeout: 3000, interval: 100 }).toBe("user_suspended");
    expect(Date.now() - suspendedAt).toBeLessThan(MAX_AGE_MS + 500);
    // External ids match too, whatever the email says.
    await sql(`UPDATE end_users SET external_id = 'ext-s' WHERE tenant_id = $1 AND email = $2`, [tenant.id, email]);
    const byId = await widgetToken(tenant, { claims: { external_id: "ext-s", email: "other@example.com" } });
    await expect.poll(async () => (await search(byId)).body!.error?.code, { timeout: 3000, interval: 100 }).toBe("user_suspended");
  });

  it("another tenant's token: its secret is never tried here (bad_signature)", async () => {
    const other = await createApiTenant();
    const response = await search(await widgetToken(other));
    expect(response.body!.error.code).toBe("bad_signature");
  });
});

describe("settings changes apply within a second, even with the settings cached in this process", () => {
  it("a regenerated secret refuses the old token; a shortened Token TTL refuses an older one", async () => {
    const own = await createApiTenant();
    const token = await widgetToken(own, { age: 100 });
    const go = async () => (await call(searchArticles, own, "/api/widget/v1/articles", { headers: bearer(token) })).body!.error?.code ?? "ok";
    const within = { timeout: MAX_AGE_MS + 1000, interval: 100 };
    expect(await go()).toBe("ok");
    await sql(`UPDATE sso_configs SET token_ttl_seconds = 60, updated_at = now() WHERE tenant_id = $1`, [own.id]);
    await expect.poll(go, within).toBe("token_too_old");
    await sql(`UPDATE sso_configs SET token_ttl_seconds = 300, updated_at = now() WHERE tenant_id = $1`, [own.id]);
    // A refusal is always decided again on fresh settings: the longer TTL applies at once.
    expect(await go()).toBe("ok");
    await storeSharedSecret(own.id, randomBytes(32).toString("base64url"));
    await expect.poll(go, within).toBe("bad_signature");
  });
});

describe("CORS: only the tenant's Allowed domains", () => {
  const preflight = (origin: string) =>
    call(searchPreflight, tenant, "/api/widget/v1/articles", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization, x-gatehouse-app-id" },
    });

  it("answers a preflight from an allowed site (exact or wildcard) with the headers the widget needs", async () => {
    for (const origin of ["https://app.example.com", "https://eu.corp.example"]) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
      expect(response.headers.get("vary")).toContain("Origin");
    }
  });

  it("gives any other site nothing to go on", async () => {
    for (const origin of ["https://evil.example", "https://corp.example", "null"]) {
      const response = await preflight(origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    const get = await search(await widgetToken(tenant), "", { origin: "https://evil.example" });
    expect(get.status).toBe(200); // a server-side caller may still call; a browser will not let the page read it
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const detail = await call(articlePreflight, tenant, `/api/widget/v1/articles/x`, { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    expect(detail.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets nothing in through a wildcard over a public suffix saved before the form refused them", async () => {
    const older = await createApiTenant({ allowedDomains: ["*.com", "app.example.com"] });
    const preflightTo = (origin: string) =>
      call(searchPreflight, older, "/api/widget/v1/articles", { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });
    expect((await preflightTo("https://anyone.com")).headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflightTo("https://app.example.com")).headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  });
});

