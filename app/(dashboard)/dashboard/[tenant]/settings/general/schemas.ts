import { z } from "zod";
import { helpCenterNameSchema } from "@/lib/tenant/help-center-name";
import { parseCustomDomain } from "@/lib/tenant/custom-domain";

export const generalSettingsSchema = z.object({
  name: helpCenterNameSchema,
  logRetentionDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Keep logs between 1 and 3650 days.")
    .max(3650, "Keep logs between 1 and 3650 days."),
});

/**
 * The custom domain field. The root host name comes from the server's APP_URL, so the schema is
 * built where that is known (actions.ts); an empty field parses to null (no custom domain).
 */
export function customDomainSchema(rootHostname: string) {
  return z.object({
    customDomain: z
      .string()
      .max(2000, "That is far too long for a domain name.")
      .transform((value, context) => {
        const parsed = parseCustomDomain(value, rootHostname);
        if (parsed.ok) return parsed.domain;
        context.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }),
  });
}

/** Send readers to the custom domain: for the domain the admin saw (a hidden field); a checkbox. */
export const customDomainRedirectSchema = z.object({
  domain: z.string().min(1).max(253),
  redirect: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});
