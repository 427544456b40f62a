import "server-only";
import { secretEncryptionKey } from "@/lib/crypto/encryption-key";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { getDb, queryPipelined } from "@/lib/db";
import type { SsoVerificationConfig } from "@/lib/sso/verify-token";
import type { HostSite } from "@/lib/tenant/host";
import { DEFAULT_SESSION_LIFETIME_SECONDS } from "@/lib/sso/session-length";
import { enforcedAllowedDomains } from "@/lib/sso/public-suffix";

// Everything the /sso endpoints, the widget API and the read API need to know about the host's
// tenant and its SSO settings, in one query. /sso/jwt may use a copy cached in this process: its version (sso_configs.config_version,
// bumped by a trigger on any change) is checked in the same statement that claims the token, and
// any rejection is decided again on a fresh copy. So a regenerated secret or a disabled SSO
// applies to the very next request on every app instance.

export interface SsoTenant {
  id: string;
  subdomain: string;
  name: string;
  visibility: "public" | "private";
  /** the custom domain readers are sent on to from the Gatehouse address, else null (TenantSummary) */
  sendReadersTo: string | null;
}

export interface SsoRuntimeConfig extends SsoVerificationConfig {
  requireRedirectKey: boolean;
  loginUrl: string | null;
  logoutUrl: string | null;
  sessionLifetimeSeconds: number;
  /** hostname patterns (see lib/sso/allowed-domains.ts) */
  allowedDomains: string[];
  /** refuse sign-ins whose Referer/Origin is outside allowedDomains */
  restrictSignInOrigins: boolean;
}

export interface SignInContext {
  tenant: SsoTenant;
  /** null when the tenant has no SSO configuration row */
  config: SsoRuntimeConfig | null;
  /** sso_configs.config_version this copy was read at (0 without a configuration row) */
  version: bigint;
  /** true when this copy came from the in-process cache */
  cached: boolean;
}

interface Row {
  id: string;
  subdomain: string;
  name: string;
  visibility: "public" | "private";
  send_readers_to: string | null;
  has_config: boolean;
  enabled: boolean | null;
  login_url: string | null;
  logout_url: string | null;
  secret_ciphertext: string | null;
  issuer: string | null;
  audience: string | null;
  token_ttl_seconds: number | null;
  clock_skew_seconds: number | null;
  require_redirect_key: boolean | null;
  session_lifetime_seconds: number | null;
  config_version: bigint | null;
  allowed_domains: string[] | null;
  restrict_sign_in_origins: boolean | null;
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, SignInContext>();

function cacheKey(site: HostSite): string | null {
  if (site.kind === "subdomain") return `s:${site.subdomain}`;
  if (site.kind === "custom-domain") return `d:${site.domain}`;
  return null;
}

/**
 * The context of a host, from this process's cache when `mayUseCache` and present. Only the
 * caller that can check the version (the token claim) may use a cached copy.
 */
export async function findSignInContext(site: HostSite, mayUseCache = false): Promise<SignInContext | null> {
  const key = cacheKey(site);
  if (!key) return null;
  if (mayUseCache) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  const loaded = await loadSignInContext(site);
  if (!loaded) {
    cache.delete(key);
    return null;
  }
  // The same version is the same settings (every change to them, or to the tenant's name or host,
  // bumps it): keep the cached configuration object, so what is remembered per configuration (the
  // imported key, verified widget signatures) survives a reload, such as a refusal triggers. A
  // tenant without a configuration row has no version to go by: always the loaded copy.
  const previous = cache.get(key);
  const sameSettings = previous?.config && loaded.config && previous.version !== BigInt(0) && previous.version === loaded.version && previous.tenant.id === loaded.tenant.id;
  const fresh = sameSettings ? { ...loaded, config: previous.config } : loaded;
  if (!previous && cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, { ...fresh, cached: true });
  return fresh;
}

async function loadSignInContext(site: HostSite): Promise<SignInContext | null> {
  if (site.kind !== "subdomain" && site.kind !== "custom-domain") return null;
  const bySubdomain = site.kind === "subdomain" ? site.subdomain : null;
  const byDomain = site.kind === "custom-domain" ? site.domain : null;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT t.id, t.subdomain, t.name, t.visibility::text AS visibility,
           CASE WHEN t.redirect_to_custom_domain THEN t.custom_domain END AS send_readers_to, c.tenant_id IS NOT NULL AS has_config,
           c.enabled, c.login_url, c.logout_url, c.secret_ciphertext, c.issuer, c.audience, c.token_ttl_seconds,
           c.clock_skew_seconds, c.require_redirect_key, c.session_lifetime_seconds, c.config_version,
           c.allowed_domains, c.restrict_sign_in_origins
      FROM tenants t
      LEFT JOIN sso_configs c ON c.tenant_id = t.id
     WHERE (${bySubdomain}::text IS NOT NULL AND t.subdomain = ${bySubdomain}::text)
        OR (${byDomain}::text IS NOT NULL AND t.custom_domain = ${byDomain}::text)
     LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const tenant: SsoTenant = { id: row.id, subdomain: row.subdomain, name: row.name, visibility: row.visibility, sendReadersTo: row.send_readers_to };
  if (!row.has_config) return { tenant, config: null, version: BigInt(0), cached: false };
  return {
    tenant,
    version: BigInt(row.config_version ?? 0),
    cached: false,
    config: {
      enabled: row.enabled ?? false,
      secret: row.secret_ciphertext ? decryptSecret(row.secret_ciphertext, secretEncryptionKey(), row.id) : null,
      issuer: row.issuer,
      audience: row.audience,
      tokenTtlSeconds: row.token_ttl_seconds ?? 300,
      clockSkewSeconds: row.clock_skew_seconds ?? 60,
      requireRedirectKey: row.require_redirect_key ?? false,
      loginUrl: row.login_url,
      logoutUrl: row.logout_url,
      sessionLifetimeSeconds: row.session_lifetime_seconds ?? DEFAULT_SESSION_LIFETIME_SECONDS,
      allowedDomains: enforcedAllowedDomains(row.allowed_domains ?? []),
      restrictSignInOrigins: row.restrict_sign_in_origins ?? false,
    },
  };
}

export interface TenantAccessSnapshot {
  /** sso_configs.config_version now; null when the configuration row is gone */
  configVersion: bigint | null;
  /** lower-cased emails and external ids of the tenant's suspended end users */
  suspendedEmails: Set<string>;
  suspendedExternalIds: Set<string>;
}

/**
 * For widget/API tokens, which are verified without any write: the tenant's current settings
 * version and who is suspended, in one read. Suspensions are rare, so the list is small; callers
 * cache the snapshot briefly (lib/sso-web/access-snapshot.ts).
 */
export async function readTenantAccessSnapshot(tenantId: string): Promise<TenantAccessSnapshot> {
  const { rows } = await queryPipelined<{ config_version: string | null; emails: string[] | null; external_ids: string[] | null }>(
    "sign-in/tenant-access-snapshot",
    `SELECT (SELECT config_version FROM sso_configs WHERE tenant_id = $1::uuid) AS config_version,
            (SELECT array_agg(lower(email)) FROM end_users WHERE tenant_id = $1::uuid AND suspended) AS emails,
            (SELECT array_agg(external_id) FROM end_users WHERE tenant_id = $1::uuid AND suspended AND external_id IS NOT NULL) AS external_ids`,
    [tenantId],
  );
  const row = rows[0]!;
  return {
    configVersion: row.config_version === null ? null : BigInt(row.config_version),
    suspendedEmails: new Set(row.emails ?? []),
    suspendedExternalIds: new Set(row.external_ids ?? []),
  };
}
