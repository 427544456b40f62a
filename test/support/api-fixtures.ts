// Fixtures for the token-authenticated APIs' integration tests: a tenant with SSO and content in
// the test database, widget tokens, and requests to the real route handlers (no server, no mocks:
// the handlers run against PostgreSQL exactly as in production).
import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT, type JWTHeaderParameters } from "jose";
import { NextRequest } from "next/server";
import { storeSharedSecret } from "@/lib/data/sso-config";
import { WIDGET_TOKEN_TYPE } from "@/lib/sso/verify-token";
import { sqlOnce } from "./sql";
import { testDatabaseUrl } from "./test-database-url";

export interface ApiTenant {
  id: string;
  subdomain: string;
  host: string;
  secret: string;
  articles: Record<"open" | "beta" | "draft", string>;
  categoryId: string;
}

export const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => sqlOnce<T>(testDatabaseUrl(), text, values);

export async function createApiTenant(settings: { tokenTtlSeconds?: number; allowedDomains?: string[]; issuer?: string | null; audience?: string | null } = {}): Promise<ApiTenant> {
  const id = randomUUID();
  const subdomain = `api-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  await sql(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, 'API test', $2, 'private', now())`, [id, subdomain]);
  await storeSharedSecret(id, secret);
  await sql(
    `UPDATE sso_configs SET enabled = true, token_ttl_seconds = $2, clock_skew_seconds = 0, allowed_domains = $3, issuer = $4, audience = $5, updated_at = now()
      WHERE tenant_id = $1`,
    [id, settings.tokenTtlSeconds ?? 300, settings.allowedDomains ?? [], settings.issuer ?? null, settings.audience ?? null],
  );
  const categoryId = randomUUID();
  await sql(`INSERT INTO categories (id, tenant_id, title, slug, position, updated_at) VALUES ($1, $2, 'Basics', 'basics', 0, now())`, [categoryId, id]);
  const article = async (slug: string, groups: string[], published: boolean, createdAt: string) => {
    const articleId = randomUUID();
    await sql(
      `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, required_groups, published, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [articleId, id, categoryId, `Article ${slug}`, slug, `# ${slug}\n\nHow to **${slug}**.`, groups, published, createdAt],
    );
    return articleId;
  };
  const articles = {
    open: await article("open", [], true, "2026-01-01T00:00:00Z"),
    beta: await article("beta", ["beta"], true, "2026-01-02T00:00:00Z"),
    draft: await article("draft", [], false, "2026-01-03T00:00:00Z"),
  };
  return { id, subdomain, host: `${subdomain}.localhost:3000`, secret, articles, categoryId };
}

export interface TokenOptions {
  claims?: Record<string, unknown>;
  header?: Partial<JWTHeaderParameters>;
  secret?: string;
  /** seconds before now the token was issued */
  age?: number;
}

/** A widget token as a tenant's backend mints it: header typ gatehouse-widget+jwt, fresh iat. */
export async function widgetToken(tenant: ApiTenant, options: TokenOptions = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - (options.age ?? 0);
  const payload: Record<string, unknown> = { jti: randomUUID(), iat, exp: iat + 600, email: "reader@example.com", name: "Reader", ...options.claims };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256", typ: WIDGET_TOKEN_TYPE, ...options.header })
    .sign(new TextEncoder().encode(options.secret ?? tenant.secret));
}

// Response bodies of many shapes, asserted field by field by the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>;

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next does, with the tenant's Host header. */
export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  tenant: Pick<ApiTenant, "host">,
  path: string,
  options: { headers?: Record<string, string>; params?: P; method?: string } = {},
): Promise<{ status: number; headers: Headers; body: JsonBody | null }> {
  const request = new NextRequest(`http://${tenant.host}${path}`, { method: options.method ?? "GET", headers: { host: tenant.host, ...options.headers } });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Counts rows that a successful call must not add to. */
export async function writeCounts(tenantId: string): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM sso_events WHERE tenant_id = $1) AS events,
            (SELECT count(*)::int FROM used_token_ids WHERE tenant_id = $1) AS used_token_ids,
            (SELECT count(*)::int FROM end_users WHERE tenant_id = $1) AS end_users,
            (SELECT count(*)::int FROM end_user_sessions WHERE tenant_id = $1) AS sessions`,
    [tenantId],
  );
  return row!;
}

export async function lastEvent(tenantId: string) {
  const [row] = await sql<{ event_type: string; reason_code: string; email: string | null; details: Record<string, unknown> }>(
    `SELECT event_type, reason_code, email, details FROM sso_events WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1`,
    [tenantId],
  );
  return row ?? null;
}
