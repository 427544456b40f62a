import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";

export type MemberRole = "owner" | "admin" | "support" | "editor";

export interface TenantMembership {
  tenant: { id: string; name: string; subdomain: string; customDomain: string | null; visibility: "public" | "private" };
  role: MemberRole;
}

/** The user's membership in the tenant with this subdomain, or null (also when no such tenant). */
export const findMembership = cache(async (userId: string, subdomain: string): Promise<TenantMembership | null> => {
  const membership = await getDb().membership.findFirst({
    where: { userId, tenant: { subdomain } },
    select: { role: true, tenant: { select: { id: true, name: true, subdomain: true, customDomain: true, visibility: true } } },
  });
  return membership;
});

export async function listMemberships(userId: string): Promise<TenantMembership[]> {
  return getDb().membership.findMany({
    where: { userId },
    orderBy: { tenant: { name: "asc" } },
    select: { role: true, tenant: { select: { id: true, name: true, subdomain: true, customDomain: true, visibility: true } } },
  });
}
