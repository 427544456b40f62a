"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { setCustomDomain, updateGeneralSettings } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { rootHostnameFrom } from "@/lib/tenant/host";
import { customDomainSchema, generalSettingsSchema } from "./schemas";

export const saveGeneralSettings = memberAction(SETTINGS_ROLES, generalSettingsSchema, async ({ name, logRetentionDays }, member) => {
  const changed = await updateGeneralSettings(member.tenant.id, { name, logRetentionDays });
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  await recordAudit(member.tenant.id, member, "tenant.settings.updated", { changed, name, logRetentionDays });
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  return { ok: true, message: "Saved." };
});

export const saveCustomDomain = memberAction(SETTINGS_ROLES, customDomainSchema(rootHostnameFrom(env.APP_URL)), async ({ customDomain }, member) => {
  const result = await setCustomDomain(member.tenant.id, customDomain);
  if (result.status === "unchanged") return { ok: true, message: "Nothing changed." };
  if (result.status === "taken") {
    return {
      fieldErrors: { customDomain: `Another help center already uses ${customDomain}. If it is yours, remove it there first.` },
      message: "Some fields need attention.",
      values: { customDomain: customDomain ?? "" },
    };
  }
  await recordAudit(member.tenant.id, member, "tenant.custom_domain.changed", { from: result.previous, to: customDomain });
  // Every dashboard link to the help center (and the integration examples) follows the domain.
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  return customDomain
    ? { ok: true, message: `Saved. Readers can use ${customDomain} as soon as its DNS record points here.` }
    : { ok: true, message: "Removed. The help center is at its Gatehouse address only." };
});
