"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { renameTenant } from "@/lib/data/tenants";
import { generalSettingsSchema } from "./schemas";

export const saveGeneralSettings = memberAction(SETTINGS_ROLES, generalSettingsSchema, async ({ name }, member) => {
  if (name === member.tenant.name) return { ok: true, message: "Nothing changed." };
  await renameTenant(member.tenant.id, name);
  await recordAudit(member.tenant.id, member, "tenant.renamed", { from: member.tenant.name, to: name });
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  return { ok: true, message: "Saved." };
});
