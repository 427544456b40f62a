import "server-only";
import { secretEncryptionKey } from "@/lib/crypto/encryption-key";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeWithAudit, type Audited } from "./audit";
import { LOCKED_FOR_ACCESS_CHANGE, tenantVisibilityIn } from "./tenants";
import type { TokenCheckConfig } from "@/lib/sso/token-check";

// A tenant's JWT SSO configuration. The shared secret exists in the database only as AES-256-GCM
// ciphertext; only the functions with "Secret" in their name touch it.

/** What the JWT form edits. */
export interface JwtSettingsUpdate {
  /** null: tokens serve the widget, the read API and the customer's own links to /sso/jwt only */
  loginUrl: string | null;
  logoutUrl: string | null;
  issuer: string | null;
  audience: string | null;
  tokenTtlSeconds: number;
  clockSkewSeconds: number;
  requireRedirectKey: boolean;
  /** how long a help-center session started from now on lasts */
  sessionLifetimeSeconds: number;
}

/** What the Allowed domains form edits. */
export interface AllowedDomainsUpdate {
  /** normalized hostname patterns (lib/sso/allowed-domains.ts) */
  allowedDomains: string[];
  restrictSignInOrigins: boolean;
}

export interface SsoSettings extends JwtSettingsUpdate, AllowedDomainsUpdate {
  enabled: boolean;
  secretCreatedAt: Date | null;
  hasSecret: boolean;
}

export async function findSsoSettings(tenantId: string): Promise<SsoSettings | null> {
  const row = await getDb().ssoConfig.findUnique({
    where: { tenantId },
    select: {
      enabled: true,
      loginUrl: true,
      logoutUrl: true,
      issuer: true,
      audience: true,
      tokenTtlSeconds: true,
      clockSkewSeconds: true,
      requireRedirectKey: true,
      sessionLifetimeSeconds: true,
      secretCreatedAt: true,
      allowedDomains: true,
      restrictSignInOrigins: true,
      // Selected only to answer "is there a secret?"; it does not leave this function.
      secretCiphertext: true,
    },
  });
  if (!row) return null;
  const { secretCiphertext, ...settings } = row;
  return { ...settings, hasSecret: secretCiphertext !== null };
}

/** Whether a stored secret was the tenant's first or replaced one. */
export interface SecretStored {
  replaced: boolean;
}

/** Stores `secret` encrypted in the transaction `tx`; the old one stops working when it commits. */
async function writeSharedSecret(tx: Prisma.TransactionClient, tenantId: string, secret: string, now: Date): Promise<SecretStored> {
  const secretCiphertext = encryptSecret(secret, secretEncryptionKey(), tenantId);
  const before = await tx.ssoConfig.findUnique({ where: { tenantId }, select: { secretCiphertext: true } });
  await tx.ssoConfig.upsert({
    where: { tenantId },
    create: { tenantId, secretCiphertext, secretCreatedAt: now },
    update: { secretCiphertext, secretCreatedAt: now },
  });
  return { replaced: Boolean(before?.secretCiphertext) };
}

/** Encrypts and stores a new shared secret; the old one stops working at once. */
export async function storeSharedSecret(
  tenantId: string,
  secret: string,
  options: { now?: Date; audit?: Audited<SecretStored> } = {},
): Promise<SecretStored> {
  return changeWithAudit(tenantId, options.audit, (tx) => writeSharedSecret(tx, tenantId, secret, options.now ?? new Date()));
}

/** The tenant's shared secret in the clear, for verifying or minting tokens; null when none is set. */
export async function readSharedSecret(tenantId: string): Promise<string | null> {
  const row = await getDb().ssoConfig.findUnique({ where: { tenantId }, select: { secretCiphertext: true } });
  if (!row?.secretCiphertext) return null;
  return decryptSecret(row.secretCiphertext, secretEncryptionKey(), tenantId);
}

/**
 * Everything needed to verify or mint a token as the tenant's sign-in endpoint would right now,
 * the secret in the clear included; null without a configuration row. For the dashboard's token
 * tester and test-token minter only: it never leaves the server.
 */
export async function readTokenSetupWithSecret(tenantId: string): Promise<TokenCheckConfig | null> {
  const row = await getDb().ssoConfig.findUnique({
    where: { tenantId },
    select: { enabled: true, issuer: true, audience: true, tokenTtlSeconds: true, clockSkewSeconds: true, requireRedirectKey: true },
  });
  if (!row) return null;
  return { ...row, secret: await readSharedSecret(tenantId) };
}

/**
 * What a token minter needs for a tenant, found by subdomain: the secret in the clear plus the
 * issuer and audience to put in the token. Only the demo Login URL uses it.
 */
export async function readSigningSetupBySubdomain(subdomain: string) {
  const tenant = await getDb().tenant.findUnique({
    where: { subdomain },
    select: { id: true, ssoConfig: { select: { loginUrl: true, issuer: true, audience: true, enabled: true } } },
  });
  if (!tenant?.ssoConfig) return null;
  const secret = await readSharedSecret(tenant.id);
  return secret ? { tenantId: tenant.id, secret, ...tenant.ssoConfig } : null;
}

export type JwtSettingsSave =
  | {
      ok: true;
      changed: (keyof JwtSettingsUpdate)[];
      previous: Partial<JwtSettingsUpdate>;
      /** set when a secret was saved with the settings */
      secret?: SecretStored;
    }
  | { ok: false; reason: "private_needs_login_url" };

/**
 * Saves the JWT settings; returns the names of the fields that changed and what they held before
 * (for the audit trail, read in the same transaction as the write: no other save comes between).
 * A first save has no previous values.
 * Refuses to remove the Login URL of a private help center: its readers start every sign-in there.
 * A pasted `secret` is stored with the settings, all or nothing.
 */
export async function saveJwtSettings(
  tenantId: string,
  update: JwtSettingsUpdate,
  options: { secret?: string; audit?: Audited<JwtSettingsSave> } = {},
): Promise<JwtSettingsSave> {
  // One admin removing the Login URL while another makes the help center private would otherwise
  // both pass their check (LOCKED_FOR_ACCESS_CHANGE).
  return changeWithAudit(tenantId, options.audit, async (tx) => {
    const visibility = await tenantVisibilityIn(tx, tenantId);
    if (update.loginUrl === null && visibility === "private") return { ok: false, reason: "private_needs_login_url" } as const;
    const before = await tx.ssoConfig.findUnique({ where: { tenantId } });
    await tx.ssoConfig.upsert({ where: { tenantId }, create: { tenantId, ...update }, update });
    const fields = Object.keys(update) as (keyof JwtSettingsUpdate)[];
    const changed = before ? fields.filter((field) => before[field] !== update[field]) : fields;
    const previous: Partial<JwtSettingsUpdate> = before ? Object.fromEntries(changed.map((field) => [field, before[field]])) : {};
    const secret = options.secret === undefined ? undefined : await writeSharedSecret(tx, tenantId, options.secret, new Date());
    return { ok: true, changed, previous, ...(secret ? { secret } : {}) } as const;
  }, LOCKED_FOR_ACCESS_CHANGE);
}

/**
 * Saves the Allowed domains section; returns the names of the fields that changed and what they
 * held before (none on a first save). One transaction, so the values returned are the ones this
 * save replaced.
 */
export interface AllowedDomainsSave {
  changed: (keyof AllowedDomainsUpdate)[];
  previous: Partial<AllowedDomainsUpdate>;
}

export async function saveAllowedDomains(tenantId: string, update: AllowedDomainsUpdate, audit?: Audited<AllowedDomainsSave>): Promise<AllowedDomainsSave> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const before = await tx.ssoConfig.findUnique({ where: { tenantId }, select: { allowedDomains: true, restrictSignInOrigins: true } });
    await tx.ssoConfig.upsert({ where: { tenantId }, create: { tenantId, ...update }, update });
    if (!before) return { changed: ["allowedDomains", "restrictSignInOrigins"], previous: {} };
    const changed: (keyof AllowedDomainsUpdate)[] = [];
    if (before.allowedDomains.join("\n") !== update.allowedDomains.join("\n")) changed.push("allowedDomains");
    if (before.restrictSignInOrigins !== update.restrictSignInOrigins) changed.push("restrictSignInOrigins");
    return { changed, previous: Object.fromEntries(changed.map((field) => [field, before[field]])) };
  });
}

export type SsoSwitch = { ok: true } | { ok: false; reason: "no_secret" | "private_needs_sso" };

/**
 * Turns JWT SSO on (a secret must exist) or off (not while the help center is private: nobody could
 * sign in to it).
 */
export async function setSsoEnabled(tenantId: string, enabled: boolean, audit?: Audited<SsoSwitch>): Promise<SsoSwitch> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const visibility = await tenantVisibilityIn(tx, tenantId);
    if (!enabled && visibility === "private") return { ok: false, reason: "private_needs_sso" } as const;
    if (enabled) {
      const row = await tx.ssoConfig.findUnique({ where: { tenantId }, select: { secretCiphertext: true } });
      if (!row?.secretCiphertext) return { ok: false, reason: "no_secret" } as const;
    }
    await tx.ssoConfig.upsert({ where: { tenantId }, create: { tenantId, enabled }, update: { enabled } });
    return { ok: true } as const;
  }, LOCKED_FOR_ACCESS_CHANGE);
}
