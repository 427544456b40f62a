"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { updateGeneralSettings } from "@/lib/data/tenants";
import { generalSettingsSchema } from "./schemas";

export const saveGeneralSettings = memberAction(SETTINGS_ROLES, generalSettingsSchema, async ({ name, logRetentionDays }, member) => {
  const changed = await updateGeneralSettings(member.tenant.id, { name, logRetentionDays });
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  await recordAudit(member.tenant.id, member, "tenant.settings.updated", { changed, name, logRetentionDays });
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  return { ok: true, message: "Saved." };
});
