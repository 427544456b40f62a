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

/** The tenant a host names, or null. Cached per request: layout and page share one query. */
export const findTenantForSite = cache(async (site: HostSite): Promise<TenantSummary | null> => {
  const db = getDb();
  switch (site.kind) {
    case "subdomain":
      return db.tenant.findUnique({ where: { subdomain: site.subdomain }, select: summarySelect });
    case "custom-domain":
      return db.tenant.findUnique({ where: { customDomain: site.domain }, select: summarySelect });
    default:
      return null;
  }
});
