"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionState } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { findSsoSettings, isWorkingConfiguration, readSharedSecret, saveJwtSettings, setSsoEnabled, storeSharedSecret } from "@/lib/data/sso-config";
import { recordProviderInterest, setTenantVisibility } from "@/lib/data/tenants";
import { generateSharedSecret } from "@/lib/sso/mint-token";
import type { SsoSettingsField } from "@/lib/sso/settings-schema";
import { confirmSchema, providerSchema, ssoSettingsSchema, toggleSchema, visibilitySchema } from "./schemas";

// Settings → Security → SSO. Every action: owners and admins of the tenant named by `subdomain`
// only (memberAction re-checks session, membership and role), audited, never logging a secret.

const page = (subdomain: string) => `/dashboard/${subdomain}/settings/security/sso`;

export const applyJwtSettings = memberAction<typeof ssoSettingsSchema, SsoSettingsField>(SETTINGS_ROLES, ssoSettingsSchema, async (input, member) => {
  const { sharedSecret, ...settings } = input;
  const changed = await saveJwtSettings(member.tenant.id, {
    loginUrl: settings.loginUrl,
    logoutUrl: settings.logoutUrl ?? null,
    issuer: settings.issuer ?? null,
    audience: settings.audience ?? null,
    tokenTtlSeconds: settings.tokenTtlSeconds,
    clockSkewSeconds: settings.clockSkewSeconds,
    requireRedirectKey: settings.requireRedirectKey,
  });
  if (sharedSecret) {
    await storeSharedSecret(member.tenant.id, sharedSecret);
    await recordAudit(member.tenant.id, member, "sso.secret.pasted");
  }
  if (changed.length > 0) await recordAudit(member.tenant.id, member, "sso.settings.updated", { changed, ...settings });
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: changed.length || sharedSecret ? "JWT settings saved." : "Nothing changed." };
});

/** Generate (first time) or Regenerate: the old secret stops working at once. */
export const generateSecret = memberAction(SETTINGS_ROLES, confirmSchema, async (_input, member): Promise<ActionState & { secret?: string }> => {
  const before = await findSsoSettings(member.tenant.id);
  const secret = generateSharedSecret();
  await storeSharedSecret(member.tenant.id, secret);
  await recordAudit(member.tenant.id, member, before?.hasSecret ? "sso.secret.regenerated" : "sso.secret.generated");
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, secret, message: before?.hasSecret ? "New secret generated. The old one no longer works." : "Secret generated." };
});

export const revealSecret = memberAction(SETTINGS_ROLES, confirmSchema, async (_input, member): Promise<ActionState & { secret?: string }> => {
  const secret = await readSharedSecret(member.tenant.id);
  if (!secret) return { message: "There is no secret yet. Press Generate." };
  await recordAudit(member.tenant.id, member, "sso.secret.revealed");
  return { ok: true, secret };
});

export const toggleSso = memberAction(SETTINGS_ROLES, toggleSchema, async ({ enabled }, member) => {
  const settings = await findSsoSettings(member.tenant.id);
  if (enabled && !(settings?.hasSecret && settings.loginUrl)) {
    return { message: "Set a Login URL and generate a shared secret first, then turn SSO on." };
  }
  if (!enabled && member.tenant.visibility === "private") {
    return { message: "This help center is private: make it public first, or nobody could sign in to it." };
  }
  await setSsoEnabled(member.tenant.id, enabled);
  await recordAudit(member.tenant.id, member, enabled ? "sso.enabled" : "sso.disabled");
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: enabled ? "SSO is on." : "SSO is off." };
});

export const setVisibility = memberAction(SETTINGS_ROLES, visibilitySchema, async ({ visibility }, member) => {
  if (visibility === "private" && !isWorkingConfiguration(await findSsoSettings(member.tenant.id))) {
    return {
      fieldErrors: { visibility: "A private help center needs working JWT SSO: set the Login URL, generate a secret and turn SSO on first." },
    };
  }
  await setTenantVisibility(member.tenant.id, visibility);
  await recordAudit(member.tenant.id, member, "tenant.visibility.changed", { visibility });
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: visibility === "private" ? "The help center is private." : "The help center is public." };
});

export const notifyMe = memberAction(SETTINGS_ROLES, providerSchema, async ({ provider }, member) => {
  await recordProviderInterest(member.tenant.id, member.userId, provider);
  return { ok: true, message: "We'll let you know" };
});
