import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isWorkingConfiguration } from "@/lib/sso/sign-in-gate";
import { changeWithAudit, type Audited } from "./audit";
import { isUniqueViolation } from "./unique-violation";
import type { HostSite } from "@/lib/tenant/host";

export interface TenantSummary {
  id: string;
  name: string;
  subdomain: string;
  customDomain: string | null;
  /**
   * The custom domain readers who open the Gatehouse address are sent on to (the admin turned that
   * on in Settings → General), else null
   */
  sendReadersTo: string | null;
  visibility: "public" | "private";
  /** SSO is on, with a secret and a Login URL: a visitor who presses Sign in can sign in */
  signInWorks: boolean;
}

const summarySelect = {
  id: true, name: true, subdomain: true, customDomain: true, redirectToCustomDomain: true, visibility: true,
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
  const { ssoConfig, redirectToCustomDomain, ...tenant } = row;
  const sso = ssoConfig && { enabled: ssoConfig.enabled, loginUrl: ssoConfig.loginUrl, hasSecret: ssoConfig.secretCiphertext !== null };
  const sendReadersTo = redirectToCustomDomain ? tenant.customDomain : null;
  return { ...tenant, sendReadersTo, signInWorks: isWorkingConfiguration(sso) };
});

/** The tenant a host names, or null (the app host, unknown and malformed hosts). */
export function findTenantForSite(site: HostSite): Promise<TenantSummary | null> {
  if (site.kind === "subdomain") return findTenantByHostName("subdomain", site.subdomain);
  if (site.kind === "custom-domain") return findTenantByHostName("custom-domain", site.domain);
  return Promise.resolve(null);
}

export type VisibilityChange = { ok: true } | { ok: false; reason: "private_needs_working_sso" };

/** Public or private; private only while the help center can start a sign-in (isWorkingConfiguration). */
export async function setTenantVisibility(tenantId: string, visibility: "public" | "private", audit?: Audited<VisibilityChange>): Promise<VisibilityChange> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    if (visibility === "private") {
      const sso = await tx.ssoConfig.findUnique({ where: { tenantId }, select: { enabled: true, loginUrl: true, secretCiphertext: true } });
      if (!isWorkingConfiguration(sso && { ...sso, hasSecret: sso.secretCiphertext !== null })) return { ok: false, reason: "private_needs_working_sso" } as const;
    }
    await tx.tenant.update({ where: { id: tenantId }, data: { visibility }, select: { id: true } });
    return { ok: true } as const;
  }, LOCKED_FOR_ACCESS_CHANGE);
}

/**
 * The lock every change that decides whether readers of a private help center can sign in takes
 * on the tenant's row first (the visibility, the SSO switch, the Login URL), so two admins'
 * changes cannot each pass their check against the other's old state. NO KEY UPDATE, not UPDATE:
 * the rows that reference the tenant (a sign-in's session, replay record and log entry; a first
 * secret's sso_configs row) take KEY SHARE on it, which FOR UPDATE would hold up for the
 * transaction. For changeWithAudit.
 */
export const LOCKED_FOR_ACCESS_CHANGE = { lockTenant: "no key update" } as const;

/** The visibility, in a transaction that holds the tenant's row locked already. */
export async function tenantVisibilityIn(tx: Prisma.TransactionClient, tenantId: string): Promise<"public" | "private" | null> {
  const row = await tx.tenant.findUnique({ where: { id: tenantId }, select: { visibility: true } });
  return row?.visibility ?? null;
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

type GeneralSettings = { name: string; logRetentionDays: number };

/**
 * Saves the General section; returns the names of the fields that changed and what they held
 * before (for the audit trail). The row is locked while it is compared, so two admins saving at
 * once each see the values their save replaced.
 */
export interface GeneralSettingsSave {
  changed: (keyof GeneralSettings)[];
  previous: Partial<GeneralSettings>;
}

export async function updateGeneralSettings(tenantId: string, settings: GeneralSettings, audit?: Audited<GeneralSettingsSave>): Promise<GeneralSettingsSave> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, logRetentionDays: true } });
    const changed = (Object.keys(settings) as (keyof GeneralSettings)[]).filter((field) => before[field] !== settings[field]);
    if (changed.length > 0) await tx.tenant.update({ where: { id: tenantId }, data: settings, select: { id: true } });
    return { changed, previous: Object.fromEntries(changed.map((field) => [field, before[field]])) };
  }, { lockTenant: "no key update" });
}

/** The help center's custom domain as the settings page shows it. */
export interface CustomDomainState {
  /** served now */
  active: string | null;
  /** asked for, waiting for its TXT record (lib/tenant/domain-verification.ts) */
  pending: { domain: string; challenge: string } | null;
  /** readers who open the Gatehouse address are sent to the served domain */
  redirect: boolean;
}

const CUSTOM_DOMAIN_COLUMNS = { customDomain: true, pendingCustomDomain: true, customDomainChallenge: true, redirectToCustomDomain: true } as const;

function customDomainState(tenant: { customDomain: string | null; pendingCustomDomain: string | null; customDomainChallenge: string | null; redirectToCustomDomain: boolean }): CustomDomainState {
  return {
    active: tenant.customDomain,
    redirect: tenant.redirectToCustomDomain,
    pending: tenant.pendingCustomDomain && tenant.customDomainChallenge ? { domain: tenant.pendingCustomDomain, challenge: tenant.customDomainChallenge } : null,
  };
}

export async function findCustomDomainState(tenantId: string): Promise<CustomDomainState> {
  return customDomainState(await getDb().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: CUSTOM_DOMAIN_COLUMNS }));
}

export type CustomDomainRequest =
  | { status: "unchanged" }
  /** another help center serves it: it proved the domain is theirs */
  | { status: "taken" }
  /** now waiting for verification; the served domain (if any) is served until then */
  | { status: "pending"; domain: string; challenge: string }
  /** the served domain was asked for again: a pending change to another one is dropped */
  | { status: "kept"; cancelled: string }
  | { status: "removed"; previous: string | null; cancelled: string | null };

/**
 * What an admin's "Save domain" does. A new domain is only recorded as pending, with a fresh
 * challenge for its TXT record; it is served once activatePendingCustomDomain is given its proof.
 * Asking again for the pending domain keeps its challenge, so a TXT record already published for
 * it stays good. `null` removes both the served and the pending domain.
 */
export async function requestCustomDomain(
  tenantId: string,
  domain: string | null,
  newChallenge: () => string,
  audit?: Audited<CustomDomainRequest>,
): Promise<CustomDomainRequest> {
  // The row is locked while it is compared, so what is reported as removed or cancelled is what
  // this save replaced. NO KEY UPDATE lets the tenant's sign-ins go on meanwhile; removing the
  // served domain (a key) waits for those in flight only at its UPDATE.
  const options = { lockTenant: "no key update" } as const;
  return changeWithAudit(tenantId, audit, async (tx) => {
    const before = customDomainState(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: CUSTOM_DOMAIN_COLUMNS }));
    if (domain === null) {
      if (!before.active && !before.pending) return { status: "unchanged" } as const;
      const data = { customDomain: null, pendingCustomDomain: null, customDomainChallenge: null, redirectToCustomDomain: false };
      await tx.tenant.update({ where: { id: tenantId }, data, select: { id: true } });
      return { status: "removed", previous: before.active, cancelled: before.pending?.domain ?? null } as const;
    }
    if (domain === before.active) {
      if (!before.pending) return { status: "unchanged" } as const;
      await tx.tenant.update({ where: { id: tenantId }, data: { pendingCustomDomain: null, customDomainChallenge: null }, select: { id: true } });
      return { status: "kept", cancelled: before.pending.domain } as const;
    }
    if (domain === before.pending?.domain) return { status: "unchanged" } as const;
    // Checked here for a clear answer at once; activation checks again (the unique index decides).
    const holder = await tx.tenant.findUnique({ where: { customDomain: domain }, select: { id: true } });
    if (holder) return { status: "taken" } as const;
    const challenge = newChallenge();
    await tx.tenant.update({ where: { id: tenantId }, data: { pendingCustomDomain: domain, customDomainChallenge: challenge }, select: { id: true } });
    return { status: "pending", domain, challenge } as const;
  }, options);
}

export type CustomDomainActivation =
  /** `redirectEnded`: readers were sent to the previous domain; the new one starts without that */
  | { status: "activated"; previous: string | null; redirectEnded: boolean }
  | { status: "taken" }
  /** the pending domain or its challenge changed since it was proved (another admin saved) */
  | { status: "stale" };

/**
 * Serves the pending domain, once its TXT record was found. Only if the claim is still the one
 * that was proved; "taken" when another help center got the domain first (the unique index
 * decides). The change bumps the SSO configuration's version (a trigger), so no app instance keeps
 * serving sign-ins for a host from its cache after the host moved.
 */
export async function activatePendingCustomDomain(
  tenantId: string,
  proved: { domain: string; challenge: string },
  audit?: Audited<CustomDomainActivation>,
): Promise<CustomDomainActivation> {
  try {
    // Locked (NO KEY UPDATE, as for a request), so the domain reported as replaced (the audit entry's
    // "from") is the one this update replaced, even when another admin's change lands at the same moment.
    return await changeWithAudit(tenantId, audit, async (tx) => {
      const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { customDomain: true, redirectToCustomDomain: true } });
      // The redirect is not carried over: the TXT record proves the new domain is the tenant's,
      // not that its CNAME already leads here. Sending readers there before it does would strand them.
      const { count } = await tx.tenant.updateMany({
        where: { id: tenantId, pendingCustomDomain: proved.domain, customDomainChallenge: proved.challenge },
        data: { customDomain: proved.domain, pendingCustomDomain: null, customDomainChallenge: null, redirectToCustomDomain: false },
      });
      return count === 1 ? ({ status: "activated", previous: before.customDomain, redirectEnded: before.redirectToCustomDomain } as const) : ({ status: "stale" } as const);
    }, { lockTenant: "no key update" });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "taken" };
    throw error;
  }
}

export type CustomDomainRedirectChange = { status: "changed" } | { status: "unchanged" } | { status: "stale" };

/**
 * Turns sending readers from the Gatehouse address to the custom domain on or off, for the domain
 * the admin saw: "stale" when the served domain is no longer that one (another admin changed it).
 */
export async function setCustomDomainRedirect(
  tenantId: string,
  domain: string,
  redirect: boolean,
  audit?: Audited<CustomDomainRedirectChange>,
): Promise<CustomDomainRedirectChange> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const { count } = await tx.tenant.updateMany({
      where: { id: tenantId, customDomain: domain, redirectToCustomDomain: !redirect },
      data: { redirectToCustomDomain: redirect },
    });
    if (count === 1) return { status: "changed" } as const;
    const now = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { customDomain: true } });
    return now.customDomain === domain ? ({ status: "unchanged" } as const) : ({ status: "stale" } as const);
  });
}

export async function findLogRetentionDays(tenantId: string): Promise<number> {
  const tenant = await getDb().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { logRetentionDays: true } });
  return tenant.logRetentionDays;
}
