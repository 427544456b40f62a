import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { findTenantForSite, type TenantSummary } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { resolveHostSite, rootHostnameFrom, type HostSite } from "./host";

const rootHostname = rootHostnameFrom(env.APP_URL);

export async function currentSite(): Promise<HostSite> {
  return resolveHostSite((await headers()).get("host"), rootHostname);
}

/** The tenant this request's host names; a 404 for the app host and unknown hosts. */
export async function requireCurrentTenant(): Promise<TenantSummary> {
  const tenant = await findTenantForSite(await currentSite());
  if (!tenant) notFound();
  return tenant;
}
