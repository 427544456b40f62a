import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { HostSite } from "@/lib/tenant/host";

export interface TenantSummary {
  id: string;
  name: string;
  subdomain: string;
  customDomain: string | null;
  visibility: "public" | "private";
}

const summarySelect = { id: true, name: true, subdomain: true, customDomain: true, visibility: true } as const;

// Keyed by strings, not the HostSite object: React's cache compares arguments by identity, and
// layout, page and metadata each resolve the host anew. One query per request.
const findTenantByHostName = cache(async (kind: "subdomain" | "custom-domain", name: string): Promise<TenantSummary | null> => {
  const where = kind === "subdomain" ? { subdomain: name } : { customDomain: name };
  return getDb().tenant.findUnique({ where, select: summarySelect });
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

export async function renameTenant(tenantId: string, name: string): Promise<void> {
  await getDb().tenant.update({ where: { id: tenantId }, data: { name }, select: { id: true } });
}
