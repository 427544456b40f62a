// Server-action inputs of Settings → Security → SSO. The JWT form's own schema is shared with the
// browser: lib/sso/settings-schema.ts.
import { z } from "zod";
import { parseAllowedDomainList } from "@/lib/sso/allowed-domains";
import { publicSuffixWildcardRefusal } from "@/lib/sso/public-suffix";
import { END_USER_ROLES } from "@/lib/sso/profile-claims";
import { isCleanText, uncleanTextMessage } from "@/lib/text/control-characters";

export { ssoSettingsSchema } from "@/lib/sso/settings-schema";

export const COMING_SOON_PROVIDERS = ["saml", "oidc", "google-workspace", "okta", "entra-id"] as const;

export const toggleSchema = z.object({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const visibilitySchema = z.object({ visibility: z.enum(["public", "private"], { error: "Choose Public or Private." }) });
export const providerSchema = z.object({ provider: z.enum(COMING_SOON_PROVIDERS, { error: "Unknown provider." }) });
export const confirmSchema = z.object({});

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const allowedDomainsSchema = z
  .object({
    allowedDomains: z
      .string()
      .max(20_000, "That list is too long.")
      .default("")
      // The lead's parser names the bad entry ("\"x!\" is not a valid domain name.").
      .superRefine((text, context) => {
        const parsed = parseAllowedDomainList(text);
        const refusal = parsed.ok ? publicSuffixWildcardRefusal(parsed.domains) : parsed.message;
        if (refusal) context.addIssue({ code: "custom", message: refusal });
      })
      .transform((text) => {
        const parsed = parseAllowedDomainList(text);
        return parsed.ok ? parsed.domains : [];
      }),
    restrictSignInOrigins: checkbox,
  })
  .superRefine((value, context) => {
    // With no domain listed, every sign-in from the tenant's own app (Referer on their domain)
    // would be refused: almost certainly not what was meant.
    if (value.restrictSignInOrigins && value.allowedDomains.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["restrictSignInOrigins"],
        message: "Add at least one domain first: with an empty list, sign-ins coming from your own app would be refused.",
      });
    }
  });
export type AllowedDomainsField = keyof z.input<typeof allowedDomainsSchema>;

export const TOKEN_KINDS = ["redirect", "widget", "cookie"] as const;
const kind = z.enum(TOKEN_KINDS, { error: "Choose the kind of token." });

export const testTokenSchema = z.object({
  // The limit is far above the 8 KiB a token may have, so an oversized one still gets a report.
  token: z.string().trim().min(1, "Paste a token to test.").max(65_536, "That is far larger than any token (over 64 KiB)."),
  kind,
});
export type TestTokenField = keyof z.input<typeof testTokenSchema>;


export const mintTokenSchema = z.object({
  email: z.string().trim().max(254, "The email can be at most 254 characters.").pipe(z.email("Enter an email address, like jane@example.com.")),
  name: z.string().trim().min(1, "Enter a name.").max(200, "The name can be at most 200 characters.").refine(isCleanText, uncleanTextMessage("name")),
  role: z.enum(END_USER_ROLES, { error: "Choose viewer, editor or admin." }),
  // Comma- or line-separated; the same limits as the groups claim (lib/sso/profile-claims.ts).
  groups: z
    .string()
    .max(12_000, "Too many groups.")
    .default("")
    .transform((text) => [...new Set(text.split(/[,\n]/).map((group) => group.trim()).filter(Boolean))])
    .refine((groups) => groups.length <= 100, "At most 100 groups.")
    .refine((groups) => groups.every((group) => group.length <= 100), "Each group name can be at most 100 characters.")
    .refine((groups) => groups.every(isCleanText), uncleanTextMessage("group names")),
  kind,
});
export type MintTokenField = keyof z.input<typeof mintTokenSchema>;
