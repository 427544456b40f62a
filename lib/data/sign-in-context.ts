import "server-only";
import { secretEncryptionKey } from "@/lib/crypto/encryption-key";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db";
import type { SsoVerificationConfig } from "@/lib/sso/verify-token";
import type { HostSite } from "@/lib/tenant/host";

// Everything /sso/jwt, /sso/login and /sso/logout need to know about the host's tenant, in one
// query, read fresh on every request: a regenerated secret or a disabled SSO applies to the very
// next request on every app instance, with no cache to invalidate.

export interface SsoTenant {
  id: string;
  subdomain: string;
  name: string;
  visibility: "public" | "private";
}

export interface SsoRuntimeConfig extends SsoVerificationConfig {
  requireRedirectKey: boolean;
  loginUrl: string | null;
  logoutUrl: string | null;
  sessionLifetimeSeconds: number;
}

export interface SignInContext {
  tenant: SsoTenant;
  /** null when the tenant has no SSO configuration row */
  config: SsoRuntimeConfig | null;
}

interface Row {
  id: string;
  subdomain: string;
  name: string;
  visibility: "public" | "private";
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
}

export async function findSignInContext(site: HostSite): Promise<SignInContext | null> {
  if (site.kind !== "subdomain" && site.kind !== "custom-domain") return null;
  const bySubdomain = site.kind === "subdomain" ? site.subdomain : null;
  const byDomain = site.kind === "custom-domain" ? site.domain : null;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT t.id, t.subdomain, t.name, t.visibility::text AS visibility, c.tenant_id IS NOT NULL AS has_config,
           c.enabled, c.login_url, c.logout_url, c.secret_ciphertext, c.issuer, c.audience, c.token_ttl_seconds,
           c.clock_skew_seconds, c.require_redirect_key, c.session_lifetime_seconds
      FROM tenants t
      LEFT JOIN sso_configs c ON c.tenant_id = t.id
     WHERE (${bySubdomain}::text IS NOT NULL AND t.subdomain = ${bySubdomain}::text)
        OR (${byDomain}::text IS NOT NULL AND t.custom_domain = ${byDomain}::text)
     LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const tenant: SsoTenant = { id: row.id, subdomain: row.subdomain, name: row.name, visibility: row.visibility };
  if (!row.has_config) return { tenant, config: null };
  return {
    tenant,
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
      sessionLifetimeSeconds: row.session_lifetime_seconds ?? 43200,
    },
  };
}
