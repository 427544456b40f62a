// The sign-in decisions (lib/sso/sign-in.ts) over the real PostgreSQL store: replay, redirect-key
// binding, provisioning, and what happens under concurrency.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { signIn, type SignInOutcome, type SignInStore } from "@/lib/sso/sign-in";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { createRedirectKey } from "./redirect-keys";
import { findSignInContext, type SsoRuntimeConfig } from "./sign-in-context";
import { createSignInStore, StaleSignInContextError } from "./sign-in-store";
import { storeSharedSecret } from "./sso-config";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
const SECRET = randomBytes(48).toString("base64");

interface Tenant {
  id: string;
  subdomain: string;
  config: SsoRuntimeConfig;
  version: bigint;
}

async function createTenant(options: { requireRedirectKey?: boolean } = {}): Promise<Tenant> {
  const id = randomUUID();
  const subdomain = `signin-${randomBytes(4).toString("hex")}`;
  await sql.query(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, 'T', $2, 'private', now())`, [id, subdomain]);
  await sql.query(`INSERT INTO sso_configs (tenant_id, enabled, login_url, require_redirect_key, updated_at) VALUES ($1, true, 'https://app.example/login', $2, now())`, [
    id,
    options.requireRedirectKey ?? false,
  ]);
  await storeSharedSecret(id, SECRET);
  const context = await findSignInContext({ kind: "subdomain", subdomain });
  return { id, subdomain, config: context!.config!, version: context!.version };
}

/** Counts the calls to admitEndUser: the path a sign-in takes when the claim did not admit. */
const admitEndUserCalls = { count: 0 };

function attempt(tenant: Tenant, token: string, browserBinding: string | null = null, now = new Date()): Promise<SignInOutcome> {
  const session = {
    tokenHash: randomBytes(32).toString("hex"),
    expiresAt: new Date(now.getTime() + 3600_000),
    request: { requestId: randomUUID(), clientIp: "203.0.113.7", userAgent: "vitest" },
  };
  const store = createSignInStore(tenant.id, tenant.version, session);
  const countingStore: SignInStore = {
    claimTokenId: (...args) => store.claimTokenId(...args),
    admitEndUser: (...args) => {
      admitEndUserCalls.count += 1;
      return store.admitEndUser(...args);
    },
  };
  return signIn({ token, config: tenant.config, now, browserBinding }, countingStore);
}

async function count(table: string, tenantId: string, where = "true"): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND ${where}`, [tenantId]);
  return rows[0].n;
}

beforeAll(() => sql.connect());
afterAll(() => sql.end());

describe("sign-in against PostgreSQL", () => {
  it("loads the tenant's configuration with the decrypted secret in one lookup", async () => {
    const tenant = await createTenant();
    expect(tenant.config).toMatchObject({ enabled: true, secret: SECRET, tokenTtlSeconds: 300, clockSkewSeconds: 60 });
    expect(await findSignInContext({ kind: "subdomain", subdomain: "no-such-tenant" })).toBeNull();
  });

  it("accepts a token once; a second use of the same jti is jti_replayed, even re-signed differently", async () => {
    const tenant = await createTenant();
    const jti = randomUUID();
    const token = await mintSsoToken(SECRET, { email: "ann@example.com", name: "Ann", jti });
    expect((await attempt(tenant, token)).ok).toBe(true);
    expect(await attempt(tenant, token)).toMatchObject({ ok: false, reason: "jti_replayed" });

    // Another spelling of the same sign-in: other claims order, other name, same jti.
    const respelled = await mintSsoToken(SECRET, { name: "Ann B", email: "ANN@example.com", jti });
    expect(respelled).not.toBe(token);
    expect(await attempt(tenant, respelled)).toMatchObject({ ok: false, reason: "jti_replayed" });
    expect(await count("used_token_ids", tenant.id)).toBe(1);
  });

  it("keeps replay records per tenant: the same jti at another tenant is a different sign-in", async () => {
    const [a, b] = [await createTenant(), await createTenant()];
    const token = await mintSsoToken(SECRET, { email: "x@example.com", name: "X", jti: "shared-jti" });
    expect((await attempt(a, token)).ok).toBe(true);
    expect((await attempt(b, token)).ok).toBe(true);
  });

  it("honours a redirect key bound to this browser and returns where the visitor was going", async () => {
    const tenant = await createTenant({ requireRedirectKey: true });
    const key = randomBytes(24).toString("base64url");
    const binding = randomBytes(24).toString("base64url");
    await createRedirectKey(tenant.id, key, binding, `https://${tenant.subdomain}.example/articles/a`);
    const token = await mintSsoToken(SECRET, { email: "kim@example.com", name: "Kim", jti: key });
    const outcome = await attempt(tenant, token, binding);
    expect(outcome).toMatchObject({ ok: true, viaRedirectKey: true, keyReturnTo: `https://${tenant.subdomain}.example/articles/a` });
    const { rows } = await sql.query(`SELECT used_at FROM redirect_keys WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].used_at).toBeInstanceOf(Date);
  });

  it("refuses a key presented by another browser (key_mismatch) or without the binding cookie", async () => {
    const tenant = await createTenant();
    for (const presented of ["another-browsers-binding-value-123", null]) {
      const key = randomBytes(24).toString("base64url");
      await createRedirectKey(tenant.id, key, randomBytes(24).toString("base64url"), "https://x.example/");
      const token = await mintSsoToken(SECRET, { email: "kim@example.com", name: "Kim", jti: key });
      expect(await attempt(tenant, token, presented)).toMatchObject({ ok: false, reason: "key_mismatch" });
    }
  });

  it("refuses a key older than 10 minutes (key_expired)", async () => {
    const tenant = await createTenant();
    const key = randomBytes(24).toString("base64url");
    const binding = randomBytes(24).toString("base64url");
    await createRedirectKey(tenant.id, key, binding, "https://x.example/", { now: new Date(Date.now() - 11 * 60 * 1000) });
    const token = await mintSsoToken(SECRET, { email: "kim@example.com", name: "Kim", jti: key });
    expect(await attempt(tenant, token, binding)).toMatchObject({ ok: false, reason: "key_expired" });
  });

  it("treats another tenant's key as no key at all: key_required where sign-ins must start at the help center", async () => {
    const [owner, other] = [await createTenant(), await createTenant({ requireRedirectKey: true })];
    const key = randomBytes(24).toString("base64url");
    const binding = randomBytes(24).toString("base64url");
    await createRedirectKey(owner.id, key, binding, "https://x.example/");
    const token = await mintSsoToken(SECRET, { email: "kim@example.com", name: "Kim", jti: key });
    expect(await attempt(other, token, binding)).toMatchObject({ ok: false, reason: "key_required" });
  });

  it("provisions the user on first login and updates them from later tokens; absent claims keep their value", async () => {
    const tenant = await createTenant();
    const first = await attempt(
      tenant,
      await mintSsoToken(SECRET, { email: "Lee@Example.com", name: "Lee", external_id: 42, role: "editor", lang: "de", groups: ["beta", "staff"], custom_fields: { plan: "pro" } }),
    );
    expect(first.ok).toBe(true);
    const second = await attempt(tenant, await mintSsoToken(SECRET, { email: "lee.new@example.com", name: "Lee Renamed", external_id: "42", groups: [] }));
    expect(second).toMatchObject({ ok: true, endUserId: (first as { endUserId: string }).endUserId });
    const { rows } = await sql.query(`SELECT email, name, external_id, role, lang, groups, custom_fields FROM end_users WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([
      { email: "lee.new@example.com", name: "Lee Renamed", external_id: "42", role: "editor", lang: "de", groups: [], custom_fields: { plan: "pro" } },
    ]);
  });

  it("creates a new user from every claim together with their session and the sign-in's log entry; absent claims get defaults", async () => {
    const tenant = await createTenant();
    const key = randomBytes(24).toString("base64url");
    const binding = randomBytes(24).toString("base64url");
    const now = new Date();
    await createRedirectKey(tenant.id, key, binding, `https://${tenant.subdomain}.example/`, { now });
    const claims = {
      jti: key,
      email: "new@example.com",
      name: "New Person",
      external_id: "n-1",
      role: "admin",
      lang: "fr",
      avatar_url: "https://cdn.example/n.png",
      groups: ["beta"],
      custom_fields: { plan: "team" },
    };
    const outcome = await attempt(tenant, await mintSsoToken(SECRET, claims, now), binding, now);
    expect(outcome).toMatchObject({ ok: true, viaRedirectKey: true });
    const endUserId = (outcome as { endUserId: string }).endUserId;

    const users = await sql.query(
      `SELECT id, email, name, external_id, role, lang, avatar_url, groups, custom_fields, first_login_at, last_login_at FROM end_users WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(users.rows).toEqual([
      {
        id: endUserId, email: "new@example.com", name: "New Person", external_id: "n-1", role: "admin", lang: "fr",
        avatar_url: "https://cdn.example/n.png", groups: ["beta"], custom_fields: { plan: "team" }, first_login_at: now, last_login_at: now,
      },
    ]);
    const sessions = await sql.query(`SELECT end_user_id, created_at FROM end_user_sessions WHERE tenant_id = $1`, [tenant.id]);
    expect(sessions.rows).toEqual([{ end_user_id: endUserId, created_at: now }]);
    const events = await sql.query(`SELECT event_type, external_id, jti, details FROM sso_events WHERE tenant_id = $1`, [tenant.id]);
    expect(events.rows).toEqual([
      { event_type: "sso.login.succeeded", external_id: "n-1", jti: key, details: expect.objectContaining({ endUserId, viaRedirectKey: true }) },
    ]);

    const plain = await attempt(tenant, await mintSsoToken(SECRET, { email: "plain@example.com", name: "Plain" }));
    expect(plain.ok).toBe(true);
    const defaults = await sql.query(`SELECT role, lang, avatar_url, groups, custom_fields, external_id FROM end_users WHERE tenant_id = $1 AND email = 'plain@example.com'`, [
      tenant.id,
    ]);
    expect(defaults.rows).toEqual([{ role: "viewer", lang: null, avatar_url: null, groups: [], custom_fields: {}, external_id: null }]);
  });

  it("links an email-only user to their external id, and refuses an email that belongs to someone else", async () => {
    const tenant = await createTenant();
    expect((await attempt(tenant, await mintSsoToken(SECRET, { email: "mo@example.com", name: "Mo" }))).ok).toBe(true);
    expect((await attempt(tenant, await mintSsoToken(SECRET, { email: "mo@example.com", name: "Mo", external_id: "u-1" }))).ok).toBe(true);
    expect(await count("end_users", tenant.id)).toBe(1);
    const conflict = await attempt(tenant, await mintSsoToken(SECRET, { email: "mo@example.com", name: "Impostor", external_id: "u-2" }));
    expect(conflict).toMatchObject({ ok: false, reason: "user_conflict" });
  });

  it("refuses a returning user whose new email belongs to someone else (user_conflict), and still spends the token", async () => {
    const tenant = await createTenant();
    expect((await attempt(tenant, await mintSsoToken(SECRET, { email: "ann@example.com", name: "Ann", external_id: "a-1" }))).ok).toBe(true);
    expect((await attempt(tenant, await mintSsoToken(SECRET, { email: "bob@example.com", name: "Bob", external_id: "b-1" }))).ok).toBe(true);
    const token = await mintSsoToken(SECRET, { email: "bob@example.com", name: "Ann", external_id: "a-1" });
    expect(await attempt(tenant, token)).toMatchObject({ ok: false, reason: "user_conflict" });
    expect(await attempt(tenant, token)).toMatchObject({ ok: false, reason: "jti_replayed" });
    const { rows } = await sql.query(`SELECT external_id, email, name FROM end_users WHERE tenant_id = $1 ORDER BY external_id`, [tenant.id]);
    expect(rows).toEqual([
      { external_id: "a-1", email: "ann@example.com", name: "Ann" },
      { external_id: "b-1", email: "bob@example.com", name: "Bob" },
    ]);
    expect(await count("end_user_sessions", tenant.id)).toBe(2);
  });

  it("refuses a suspended user (user_suspended) and leaves their record untouched", async () => {
    const tenant = await createTenant();
    await attempt(tenant, await mintSsoToken(SECRET, { email: "sus@example.com", name: "Sus" }));
    await sql.query(`UPDATE end_users SET suspended = true WHERE tenant_id = $1`, [tenant.id]);
    const outcome = await attempt(tenant, await mintSsoToken(SECRET, { email: "sus@example.com", name: "Changed" }));
    expect(outcome).toMatchObject({ ok: false, reason: "user_suspended" });
    const { rows } = await sql.query(`SELECT name FROM end_users WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].name).toBe("Sus");
  });

  it("makes one user out of concurrent first logins of the same person", async () => {
    const tenant = await createTenant();
    const tokens = await Promise.all(
      Array.from({ length: 8 }, (_, i) => mintSsoToken(SECRET, { email: "race@example.com", name: `Racer ${i}`, external_id: "r-1" })),
    );
    const outcomes = await Promise.all(tokens.map((token) => attempt(tenant, token)));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(new Set(outcomes.map((outcome) => (outcome as { endUserId: string }).endUserId)).size).toBe(1);
    expect(await count("end_users", tenant.id)).toBe(1);
    // Every successful sign-in got its own session and log entry.
    expect(await count("end_user_sessions", tenant.id)).toBe(8);
    expect(await count("sso_events", tenant.id, "event_type = 'sso.login.succeeded'")).toBe(8);
  });

  it("starts the session and logs the sign-in with the user, and writes neither for a suspended user", async () => {
    const tenant = await createTenant();
    const outcome = await attempt(tenant, await mintSsoToken(SECRET, { email: "log@example.com", name: "Log", iss: "https://app.example" }));
    expect(outcome.ok).toBe(true);
    const { rows } = await sql.query(`SELECT email, jti, iss, client_ip, user_agent, details FROM sso_events WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([
      expect.objectContaining({ email: "log@example.com", iss: "https://app.example", client_ip: "203.0.113.7", user_agent: "vitest" }),
    ]);
    expect(rows[0].details).toMatchObject({ endUserId: (outcome as { endUserId: string }).endUserId, viaRedirectKey: false });

    await sql.query(`UPDATE end_users SET suspended = true WHERE tenant_id = $1`, [tenant.id]);
    const refused = await attempt(tenant, await mintSsoToken(SECRET, { email: "log@example.com", name: "Log" }));
    expect(refused).toMatchObject({ ok: false, reason: "user_suspended" });
    expect(await count("end_user_sessions", tenant.id)).toBe(1);
    expect(await count("sso_events", tenant.id, "event_type = 'sso.login.succeeded'")).toBe(1);
  });

  it("refuses to claim a token with a configuration that changed since it was read (the cache check)", async () => {
    const tenant = await createTenant();
    await sql.query(`UPDATE sso_configs SET issuer = 'https://changed.example' WHERE tenant_id = $1`, [tenant.id]);
    const token = await mintSsoToken(SECRET, { email: "stale@example.com", name: "Stale" });
    await expect(attempt(tenant, token)).rejects.toBeInstanceOf(StaleSignInContextError);
    expect(await count("used_token_ids", tenant.id)).toBe(0); // not burnt: the retry with fresh settings may use it

    // Renaming the tenant's host invalidates cached copies too.
    const fresh = await findSignInContext({ kind: "subdomain", subdomain: tenant.subdomain });
    await sql.query(`UPDATE tenants SET subdomain = $2 WHERE id = $1`, [tenant.id, `${tenant.subdomain}-renamed`]);
    const matching = await mintSsoToken(SECRET, { email: "stale@example.com", name: "Stale", iss: "https://changed.example" });
    await expect(attempt({ ...tenant, version: fresh!.version, config: fresh!.config! }, matching)).rejects.toBeInstanceOf(StaleSignInContextError);
  });

  it("keeps the cached configuration object across a reload at the same version, and replaces it when the version changes", async () => {
    const tenant = await createTenant();
    const site = { kind: "subdomain", subdomain: tenant.subdomain } as const;
    const first = await findSignInContext(site);
    const reloaded = await findSignInContext(site);
    // The same object: what is remembered per configuration (imported key, verified signatures) survives.
    expect(reloaded!.config).toBe(first!.config);
    expect(reloaded!.cached).toBe(false);
    expect((await findSignInContext(site, true))!.config).toBe(first!.config);

    await sql.query(`UPDATE sso_configs SET token_ttl_seconds = 120 WHERE tenant_id = $1`, [tenant.id]);
    const changed = await findSignInContext(site);
    expect(changed!.config).not.toBe(first!.config);
    expect(changed!.config!.tokenTtlSeconds).toBe(120);
    expect(changed!.version).not.toBe(first!.version);
  });

  it("never hands out a version twice: a configuration deleted and created again is stale for old copies", async () => {
    const tenant = await createTenant();
    await sql.query(`DELETE FROM sso_configs WHERE tenant_id = $1`, [tenant.id]);
    await sql.query(`INSERT INTO sso_configs (tenant_id, enabled, updated_at) VALUES ($1, true, now())`, [tenant.id]);
    await storeSharedSecret(tenant.id, SECRET);
    const token = await mintSsoToken(SECRET, { email: "aba@example.com", name: "ABA" });
    await expect(attempt(tenant, token)).rejects.toBeInstanceOf(StaleSignInContextError);
  });

  it("admits a returning user in the claim's statement, with the same session and log entry as the longer path", async () => {
    const tenant = await createTenant();
    const first = await attempt(tenant, await mintSsoToken(SECRET, { email: "back@example.com", name: "Back", external_id: "b-1" }));
    expect(first.ok).toBe(true);
    const before = admitEndUserCalls.count;
    const again = await attempt(tenant, await mintSsoToken(SECRET, { email: "back@example.com", name: "Back Again", external_id: "b-1", groups: ["vip"] }));
    expect(again).toMatchObject({ ok: true, endUserId: (first as { endUserId: string }).endUserId, viaRedirectKey: false });
    expect(admitEndUserCalls.count).toBe(before); // one statement: claimed and admitted together
    const { rows } = await sql.query(`SELECT name, groups FROM end_users WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ name: "Back Again", groups: ["vip"] }]);
    expect(await count("end_user_sessions", tenant.id)).toBe(2);
    const events = await sql.query(`SELECT details FROM sso_events WHERE tenant_id = $1 AND event_type = 'sso.login.succeeded' ORDER BY occurred_at`, [tenant.id]);
    expect(events.rows.map((row) => row.details)).toEqual([
      expect.objectContaining({ endUserId: (first as { endUserId: string }).endUserId, viaRedirectKey: false }),
      expect.objectContaining({ endUserId: (first as { endUserId: string }).endUserId, viaRedirectKey: false }),
    ]);

    // Through a redirect key too, by email this time.
    const key = randomBytes(24).toString("base64url");
    const binding = randomBytes(24).toString("base64url");
    await createRedirectKey(tenant.id, key, binding, "https://x.example/");
    const viaKey = await attempt(tenant, await mintSsoToken(SECRET, { email: "back@example.com", name: "Back", jti: key, external_id: "b-1" }), binding);
    expect(viaKey).toMatchObject({ ok: true, viaRedirectKey: true });
    expect(admitEndUserCalls.count).toBe(before);
  });

  it("never admits a returning user in the claim's statement when a later check refuses (no session, no success event)", async () => {
    for (const requireRedirectKey of [false, true]) {
      const tenant = await createTenant({ requireRedirectKey });
      const binding = randomBytes(24).toString("base64url");
      const seedKey = randomBytes(24).toString("base64url");
      await createRedirectKey(tenant.id, seedKey, binding, "https://x.example/");
      expect(await attempt(tenant, await mintSsoToken(SECRET, { email: "known@example.com", name: "Known", jti: seedKey }), binding)).toMatchObject({ ok: true });
      const sessionsBefore = await count("end_user_sessions", tenant.id);

      const keyFor = async (issuedAt?: Date) => {
        const key = randomBytes(24).toString("base64url");
        await createRedirectKey(tenant.id, key, binding, "https://x.example/", { now: issuedAt });
        return key;
      };
      const token = (jti?: string) => mintSsoToken(SECRET, { email: "known@example.com", name: "Known", ...(jti ? { jti } : {}) });
      const refusals: [string, Promise<SignInOutcome>][] = [
        ["key_mismatch", (async () => attempt(tenant, await token(await keyFor()), "someone-elses-binding-value"))()],
        ["key_mismatch", (async () => attempt(tenant, await token(await keyFor()), null))()],
        ["key_expired", (async () => attempt(tenant, await token(await keyFor(new Date(Date.now() - 11 * 60 * 1000))), binding))()],
        ["jti_replayed", (async () => attempt(tenant, await token(seedKey), binding))()],
      ];
      if (requireRedirectKey) refusals.push(["key_required", (async () => attempt(tenant, await token(), binding))()]);
      for (const [reason, outcome] of refusals) expect(await outcome).toMatchObject({ ok: false, reason });
      expect(await count("end_user_sessions", tenant.id)).toBe(sessionsBefore);
      expect(await count("sso_events", tenant.id, "event_type = 'sso.login.succeeded'")).toBe(sessionsBefore);
    }
  });

  it("starts exactly one session when the same token is submitted many times at once", async () => {
    const tenant = await createTenant();
    const token = await mintSsoToken(SECRET, { email: "double@example.com", name: "Double" });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => attempt(tenant, token)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).every((outcome) => !outcome.ok && outcome.reason === "jti_replayed")).toBe(true);
    expect(await count("used_token_ids", tenant.id)).toBe(1);
    expect(await count("end_user_sessions", tenant.id)).toBe(1);
    expect(await count("sso_events", tenant.id, "event_type = 'sso.login.succeeded'")).toBe(1);
  });
});
