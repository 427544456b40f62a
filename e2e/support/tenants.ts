// Test tenants written straight into the run's database (plain SQL through pg, no app code), each
// with a unique subdomain so specs never depend on one another or on the demo seed. Also: the SSO
// settings a test needs, and read-only helpers for asserting on sso_events / end_user_sessions.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { limitAddress } from "@/lib/http/limit-address";

export interface TestTenant {
  id: string;
  subdomain: string;
  name: string;
  /** http://<subdomain>.localhost:<port> */
  origin: string;
  /** the shared secret in the clear, when the tenant was created with SSO */
  secret: string | null;
}

export interface TestArticle {
  slug: string;
  title: string;
  body: string;
  /** empty or absent: visible to every reader */
  requiredGroups?: string[];
}

export interface TestCategory {
  slug: string;
  title: string;
  description?: string;
  articles: TestArticle[];
}

export interface TestSsoConfig {
  /** the shared secret (stored encrypted, as the app does); omitted: a random one */
  secret?: string;
  enabled?: boolean;
  loginUrl?: string | null;
  logoutUrl?: string | null;
  issuer?: string | null;
  audience?: string | null;
  requireRedirectKey?: boolean;
  tokenTtlSeconds?: number;
  clockSkewSeconds?: number;
  /** hostnames allowed to call the widget API (CORS) and, when restricted, to start sign-ins */
  allowedDomains?: string[];
  restrictSignInOrigins?: boolean;
}

function databaseUrl(): string {
  if (!env.TEST_DATABASE_URL) throw new Error("Run the end-to-end tests through `npm test` or `npm run test:e2e`.");
  return env.TEST_DATABASE_URL;
}

function encryptionKey(): Buffer {
  // scripts/test.ts sets one key for the run, shared with the app server(s) under test.
  if (!env.SECRET_ENCRYPTION_KEY) throw new Error("SECRET_ENCRYPTION_KEY is not set: run through `npm run test:e2e`.");
  return Buffer.from(env.SECRET_ENCRYPTION_KEY, "base64");
}

/** A new random shared secret, like the dashboard generates. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The ciphertext the app stores in sso_configs.secret_ciphertext for this tenant. */
export function sealSecret(secret: string, tenantId: string): string {
  return encryptSecret(secret, encryptionKey(), tenantId);
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTenant(options: {
  prefix: string;
  visibility?: "public" | "private";
  categories?: TestCategory[];
  sso?: TestSsoConfig;
}): Promise<TestTenant> {
  const subdomain = `${options.prefix}-${randomBytes(4).toString("hex")}`;
  const sso = options.sso;
  const tenant: TestTenant = {
    id: randomUUID(),
    subdomain,
    name: `${options.prefix} help center`,
    origin: `http://${subdomain}.localhost:${env.E2E_PORT}`,
    secret: sso ? (sso.secret ?? newSecret()) : null,
  };
  await withClient(async (client) => {
    await client.query("BEGIN");
    await client.query(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, $2, $3, $4, now())`, [
      tenant.id, tenant.name, subdomain, options.visibility ?? "public",
    ]);
    if (sso) {
      await client.query(
        `INSERT INTO sso_configs (tenant_id, enabled, login_url, logout_url, secret_ciphertext, secret_created_at, issuer, audience,
                                  token_ttl_seconds, clock_skew_seconds, require_redirect_key, allowed_domains,
                                  restrict_sign_in_origins, updated_at)
         VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10, $11, $12, now())`,
        [
          tenant.id,
          sso.enabled ?? true,
          sso.loginUrl ?? null,
          sso.logoutUrl ?? null,
          sealSecret(tenant.secret!, tenant.id),
          sso.issuer ?? null,
          sso.audience ?? null,
          sso.tokenTtlSeconds ?? 300,
          sso.clockSkewSeconds ?? 60,
          sso.requireRedirectKey ?? false,
          sso.allowedDomains ?? [],
          sso.restrictSignInOrigins ?? false,
        ],
      );
    }
    for (const [position, category] of (options.categories ?? []).entries()) {
      const categoryId = randomUUID();
      await client.query(
        `INSERT INTO categories (id, tenant_id, title, slug, description, position, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [categoryId, tenant.id, category.title, category.slug, category.description ?? "", position],
      );
      for (const article of category.articles) {
        await client.query(
          `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, required_groups, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
          [randomUUID(), tenant.id, categoryId, article.title, article.slug, article.body, article.requiredGroups ?? []],
        );
      }
    }
    await client.query("COMMIT");
  });
  return tenant;
}

/** Replaces the tenant's shared secret, as "Regenerate secret" does: only the ciphertext changes. */
export async function rotateSecret(tenant: TestTenant, secret: string = newSecret()): Promise<string> {
  await withClient((client) =>
    client.query(`UPDATE sso_configs SET secret_ciphertext = $2, secret_created_at = now(), updated_at = now() WHERE tenant_id = $1`, [
      tenant.id,
      sealSecret(secret, tenant.id),
    ]),
  );
  tenant.secret = secret;
  return secret;
}

export async function setSsoEnabled(tenant: TestTenant, enabled: boolean): Promise<void> {
  await withClient((client) => client.query(`UPDATE sso_configs SET enabled = $2, updated_at = now() WHERE tenant_id = $1`, [tenant.id, enabled]));
}

/** A Logout URL that depends on the tenant's own origin, which is only known once it exists. */
export async function setLogoutUrl(tenant: TestTenant, logoutUrl: string | null): Promise<void> {
  await withClient((client) => client.query(`UPDATE sso_configs SET logout_url = $2, updated_at = now() WHERE tenant_id = $1`, [tenant.id, logoutUrl]));
}

export type Row = Record<string, unknown>;

/** The tenant's SSO event log, oldest first, every column. */
export async function ssoEvents(tenant: TestTenant): Promise<Row[]> {
  return withClient(async (client) => (await client.query(`SELECT * FROM sso_events WHERE tenant_id = $1 ORDER BY id`, [tenant.id])).rows);
}

/** The tenant's end-user sessions with the user's email, oldest first. */
export async function endUserSessions(tenant: TestTenant): Promise<Row[]> {
  return withClient(
    async (client) =>
      (
        await client.query(
          `SELECT s.*, u.email, u.groups FROM end_user_sessions s JOIN end_users u ON u.id = s.end_user_id
            WHERE s.tenant_id = $1 ORDER BY s.created_at, s.id`,
          [tenant.id],
        )
      ).rows,
  );
}

/** Ends the tenant's live end-user sessions as the dashboard's Sign everyone out does (revoked, not deleted). */
export async function endSessionsEarly(tenant: TestTenant): Promise<void> {
  await withClient((client) => client.query(`UPDATE end_user_sessions SET revoked_at = now() WHERE tenant_id = $1 AND revoked_at IS NULL`, [tenant.id]));
}

/**
 * A custom domain no other test uses. Chromium resolves *.gatehouse.test to this machine
 * (playwright.config.ts), as a CNAME to Gatehouse would; Node-side requests use raw-http.ts.
 */
export function testCustomDomain(): string {
  return `help-${randomBytes(4).toString("hex")}.gatehouse.test`;
}

/**
 * Gives the tenant a custom domain directly in the database, as served after verification (null
 * removes it), with readers not sent there yet, as after a verification. The dashboard journey
 * through verification is e2e/dashboard-custom-domain.spec.ts.
 */
export async function setCustomDomain(tenant: TestTenant, domain: string | null): Promise<void> {
  await withClient((client) =>
    client.query(`UPDATE tenants SET custom_domain = $2, pending_custom_domain = NULL, custom_domain_challenge = NULL, redirect_to_custom_domain = false, updated_at = now() WHERE id = $1`, [tenant.id, domain]),
  );
}

/** The domain waiting for verification, or null. */
export async function pendingCustomDomainOf(tenant: TestTenant): Promise<string | null> {
  return withClient(async (client) => (await client.query(`SELECT pending_custom_domain FROM tenants WHERE id = $1`, [tenant.id])).rows[0].pending_custom_domain);
}

export async function customDomainOf(tenant: TestTenant): Promise<string | null> {
  return withClient(async (client) => (await client.query(`SELECT custom_domain FROM tenants WHERE id = $1`, [tenant.id])).rows[0].custom_domain);
}

/**
 * Unfinished sign-in starts (redirect keys nobody came back with) from each address, as if the
 * addresses had opened /sso/login `count` times each: fills the per-address limit quickly.
 */
export async function addOpenSignInStarts(tenant: TestTenant, addresses: string[], count: number): Promise<void> {
  // Stored as the start limit counts them (an IPv6 address by its /64).
  const counted = [...new Set(addresses.map(limitAddress))];
  await withClient((client) =>
    client.query(
      `INSERT INTO redirect_keys (id, tenant_id, key_hash, browser_binding, return_to, expires_at, client_ip)
       SELECT gen_random_uuid(), $1, md5(random()::text) || n || a, md5(random()::text), $2, now() + interval '10 minutes', a
         FROM unnest($3::text[]) AS a, generate_series(1, $4) AS n`,
      [tenant.id, `${tenant.origin}/`, counted, count],
    ),
  );
}

/** Ages the oldest unfinished sign-in start of each address past its 10 minutes. */
export async function expireOldestOpenSignInStart(tenant: TestTenant): Promise<void> {
  await withClient((client) =>
    client.query(
      `UPDATE redirect_keys SET expires_at = now() - interval '1 second'
        WHERE id IN (SELECT DISTINCT ON (client_ip) id FROM redirect_keys
                      WHERE tenant_id = $1 AND used_at IS NULL AND expires_at > now() ORDER BY client_ip, created_at)`,
      [tenant.id],
    ),
  );
}
