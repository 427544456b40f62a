// Custom domains for integration tests: asked for and proved through the data module, as a
// verified TXT record would (the DNS proof itself is tested in lib/tenant).
import { randomBytes } from "node:crypto";
import { activatePendingCustomDomain, requestCustomDomain } from "@/lib/data/tenants";
import { sql } from "./api-fixtures";

/** A domain no other test uses. */
export const testDomain = () => `help-${randomBytes(4).toString("hex")}.gatehouse.test`;

let challenges = 0;
export const nextChallenge = () => `challenge-${(challenges += 1)}-${randomBytes(4).toString("hex")}`;

/** Asks for the domain and proves it: the domain is then served. */
export async function serveCustomDomain(tenantId: string, domain: string) {
  const asked = await requestCustomDomain(tenantId, domain, nextChallenge);
  if (asked.status !== "pending") throw new Error(`asking for ${domain}: ${asked.status}`);
  return activatePendingCustomDomain(tenantId, asked);
}

export const removeCustomDomain = (tenantId: string) => requestCustomDomain(tenantId, null, nextChallenge);

export async function configVersionOf(tenantId: string): Promise<bigint> {
  const [row] = await sql<{ config_version: string }>(`SELECT config_version FROM sso_configs WHERE tenant_id = $1`, [tenantId]);
  return BigInt(row!.config_version);
}

export async function customDomainOf(tenantId: string): Promise<string | null> {
  const [row] = await sql<{ custom_domain: string | null }>(`SELECT custom_domain FROM tenants WHERE id = $1`, [tenantId]);
  return row!.custom_domain;
}
