// Server-action inputs of Settings → Security → SSO. The JWT form's own schema is shared with the
// browser: lib/sso/settings-schema.ts.
import { z } from "zod";

export { ssoSettingsSchema } from "@/lib/sso/settings-schema";

export const COMING_SOON_PROVIDERS = ["saml", "oidc", "google-workspace", "okta", "entra-id"] as const;

export const toggleSchema = z.object({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const visibilitySchema = z.object({ visibility: z.enum(["public", "private"], { error: "Choose Public or Private." }) });
export const providerSchema = z.object({ provider: z.enum(COMING_SOON_PROVIDERS, { error: "Unknown provider." }) });
export const confirmSchema = z.object({});
