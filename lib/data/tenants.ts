import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { isWorkingConfiguration } from "./sso-config";
import { isUniqueViolation } from "./unique-violation";
import type { HostSite } from "@/lib/tenant/host";

export interface TenantSummary {
  id: string;
  name: string;
  subdomain: string;
  customDomain: string | null;
  visibility: "public" | "private";
  /** SSO is on, with a secret and a Login URL: a visitor who presses Sign in can sign in */
  signInWorks: boolean;
}

const summarySelect = {
  id: true, name: true, subdomain: true, customDomain: true, visibility: true,
  // Read with the tenant so a help-center page knows whether to offer Sign in without a second
  // query. The ciphertext is only tested for presence here; it does not leave this module.
  ssoConfig: { select: { enabled: true, loginUrl: true, secretCiphertext: true } },
} as const;

// Keyed by strings, not the HostSite object: React's cache compares arguments by identity, and
// layout, page and metadata each resolve the host anew. One query per request.
const findTenantByHostName = cache(async (kind: "subdomain" | "custom-domain", name: string): Promise<TenantSummary | null> => {
  const where = kind === "subdomain" ? { subdomain: name } : { customDomain: name };
  const row = await getDb().tenant.findUnique({ where, select: summarySelect });
  if (!row) return null;
  const { ssoConfig, ...tenant } = row;
  const sso = ssoConfig && { enabled: ssoConfig.enabled, loginUrl: ssoConfig.loginUrl, hasSecret: ssoConfig.secretCiphertext !== null };
  return { ...tenant, signInWorks: isWorkingConfiguration(sso) };
});

/** The tenant a host names, or null (the app host, unknown and malformed hosts). */
export function findTenantForSite(site: HostSite): Promise<TenantSummary | null> {
  if (site.kind === "subdomain") return findTenantByHostName("subdomain", site.subdomain);
  if (site.kind === "custom-domain") return findTenantByHostName("custom-domain", site.domain);
  return Promise.resolve(null);
}

export async function setTenantVisibility(tenantId: string, visibility: "public" | "private"): Promise<void> {
  await getDb().tenant.update({ where: { id: tenantId }, data: { visibility }, select: { id: true } });
}

/** Providers this user asked to hear about, for this tenant. */
export async function listProviderInterests(tenantId: string, userId: string): Promise<string[]> {
  const rows = await getDb().providerInterest.findMany({ where: { tenantId, userId }, select: { provider: true } });
  return rows.map((row) => row.provider);
}

export async function recordProviderInterest(tenantId: string, userId: string, provider: string): Promise<void> {
  await getDb().providerInterest.upsert({
    where: { tenantId_userId_provider: { tenantId, userId, provider } },
    create: { tenantId, userId, provider },
    update: {},
  });
}

/** Saves name and log retention; returns the names of the fields that changed. */
export async function updateGeneralSettings(tenantId: string, settings: { name: string; logRetentionDays: number }): Promise<string[]> {
  const db = getDb();
  const before = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, logRetentionDays: true } });
  const changed = (Object.keys(settings) as (keyof typeof settings)[]).filter((field) => before[field] !== settings[field]);
  if (changed.length > 0) await db.tenant.update({ where: { id: tenantId }, data: settings, select: { id: true } });
  return changed;
}

export type CustomDomainChange = { status: "unchanged" } | { status: "taken" } | { status: "changed"; previous: string | null };

/**
 * Sets (or, with null, removes) the help center's custom domain. "taken" when another help center
 * has it: the unique index decides, so two tenants saving the same domain at once cannot both win.
 * The change bumps the SSO configuration's version (a trigger), so no app instance keeps serving
 * sign-ins for a host from its cache after the host moved.
 */
export async function setCustomDomain(tenantId: string, domain: string | null): Promise<CustomDomainChange> {
  const db = getDb();
  const before = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { customDomain: true } });
  if (before.customDomain === domain) return { status: "unchanged" };
  try {
    await db.tenant.update({ where: { id: tenantId }, data: { customDomain: domain }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "taken" };
    throw error;
  }
  return { status: "changed", previous: before.customDomain };
}

export async function findLogRetentionDays(tenantId: string): Promise<number> {
  const tenant = await getDb().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { logRetentionDays: true } });
  return tenant.logRetentionDays;
}
