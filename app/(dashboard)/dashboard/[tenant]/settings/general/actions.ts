"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import type { AuditEntry } from "@/lib/data/audit";
import {
  activatePendingCustomDomain, findCustomDomainState, requestCustomDomain, setCustomDomainRedirect, updateGeneralSettings, type CustomDomainRequest,
} from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { generateOpaqueToken } from "@/lib/sso/opaque-token";
import { challengeRecordName, judgeDomainProof } from "@/lib/tenant/domain-verification";
import { rootHostnameFrom } from "@/lib/tenant/host";
import { lookUpTxtRecords } from "@/lib/tenant/txt-lookup";
import { customDomainRedirectSchema, customDomainSchema, generalSettingsSchema } from "./schemas";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

export const saveGeneralSettings = memberAction(SETTINGS_ROLES, generalSettingsSchema, async ({ name, logRetentionDays }, member) => {
  const { changed } = await updateGeneralSettings(member.tenant.id, { name, logRetentionDays }, {
    actor: member,
    describe: (saved) => (saved.changed.length > 0 ? { action: "tenant.settings.updated", details: { changed: saved.changed, name, logRetentionDays, previous: saved.previous } } : null),
  });
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  return { ok: true, message: "Saved." };
});

/** Said by Save and by Verify alike: the domain is served by a help center that proved it. */
const takenMessage = (domain: string) => `Another help center already uses ${domain}. If it is yours, remove it there first.`;

function describeDomainRequest(result: CustomDomainRequest): AuditEntry[] {
  switch (result.status) {
    case "pending":
      return [{ action: "tenant.custom_domain.requested", details: { domain: result.domain } }];
    case "kept":
      return [{ action: "tenant.custom_domain.request_cancelled", details: { domain: result.cancelled } }];
    case "removed":
      return [
        ...(result.previous ? [{ action: "tenant.custom_domain.changed", details: { from: result.previous, to: null } } satisfies AuditEntry] : []),
        ...(result.cancelled ? [{ action: "tenant.custom_domain.request_cancelled", details: { domain: result.cancelled } } satisfies AuditEntry] : []),
      ];
    default:
      return [];
  }
}

/**
 * Save domain: a new domain waits for its TXT record (verifyCustomDomain); the one served now, if
 * any, stays served until then. An empty field removes both at once.
 */
export const saveCustomDomain = memberAction(SETTINGS_ROLES, customDomainSchema(rootHostnameFrom(env.APP_URL)), async ({ customDomain }, member) => {
  const result = await requestCustomDomain(member.tenant.id, customDomain, generateOpaqueToken, { actor: member, describe: describeDomainRequest });
  switch (result.status) {
    case "unchanged":
      return { ok: true, message: "Nothing changed." };
    case "taken":
      return {
        fieldErrors: { customDomain: takenMessage(customDomain ?? "") },
        message: FIELDS_NEED_ATTENTION,
        values: { customDomain: customDomain ?? "" },
      };
    case "pending":
      revalidatePath(`/dashboard/${member.tenant.subdomain}/settings/general`);
      return { ok: true, message: `Saved. Add the TXT record below to prove ${result.domain} is yours, then press Verify.` };
    case "kept":
      revalidatePath(`/dashboard/${member.tenant.subdomain}/settings/general`);
      return { ok: true, message: `Kept ${customDomain}. The change to ${result.cancelled} is cancelled.` };
    case "removed":
      // Every dashboard link to the help center (and the integration examples) follows the domain.
      revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
      return { ok: true, message: result.previous ? "Removed. The help center is at its Gatehouse address only." : `The request for ${result.cancelled} is cancelled.` };
  }
});

/** Verify: looks up the pending domain's TXT record and, when it holds this claim's value, serves the domain. */
export const verifyCustomDomain = memberAction(SETTINGS_ROLES, z.object({}), async (_input, member) => {
  const { pending } = await findCustomDomainState(member.tenant.id);
  if (!pending) return { message: "There is no domain waiting for verification. Save one first." };
  const proof = judgeDomainProof(pending.domain, pending.challenge, await lookUpTxtRecords(challengeRecordName(pending.domain)));
  if (!proof.ok) return { message: proof.message };
  const activation = await activatePendingCustomDomain(member.tenant.id, pending, {
    actor: member,
    describe: (result) =>
      result.status !== "activated"
        ? null
        : [
            { action: "tenant.custom_domain.changed", details: { from: result.previous, to: pending.domain, verifiedBy: "dns_txt" } },
            ...(result.redirectEnded ? [{ action: "tenant.custom_domain.redirect_changed", details: { domain: pending.domain, redirect: false } } satisfies AuditEntry] : []),
          ],
  });
  if (activation.status === "stale") return { message: "The domain was changed meanwhile (by another admin?). Check the record below and verify again." };
  if (activation.status === "taken") return { message: takenMessage(pending.domain) };
  revalidatePath(`/dashboard/${member.tenant.subdomain}`, "layout");
  const verified = `Verified. Readers can use ${pending.domain} as soon as its CNAME record points here.`;
  return { ok: true, message: activation.redirectEnded ? `${verified} Readers who open the Gatehouse address stay there until you send them to the new domain.` : verified };
});

/**
 * Send readers from the Gatehouse address to the custom domain (lib/tenant/custom-domain-redirect.ts).
 * The admin's call, made once the domain opens the help center: DNS verification does not show that.
 */
export const saveCustomDomainRedirect = memberAction(SETTINGS_ROLES, customDomainRedirectSchema, async ({ domain, redirect }, member) => {
  const result = await setCustomDomainRedirect(member.tenant.id, domain, redirect, {
    actor: member,
    describe: (change) => (change.status === "changed" ? { action: "tenant.custom_domain.redirect_changed", details: { domain, redirect } } : null),
  });
  if (result.status === "stale") return { message: "The custom domain was changed meanwhile (by another admin?). Reload the page to see it." };
  if (result.status === "unchanged") return { ok: true, message: "Nothing changed." };
  revalidatePath(`/dashboard/${member.tenant.subdomain}/settings/general`);
  return {
    ok: true,
    message: redirect ? `Saved. Readers who open the Gatehouse address are sent to ${domain}.` : "Saved. Readers can use either address again.",
  };
});
