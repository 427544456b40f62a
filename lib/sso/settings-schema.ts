// The JWT settings form's rules (Settings → Security → SSO), shared by the browser for inline
// errors and by the server action, which is the authority.
import { z } from "zod";
import { isLoopbackHostname } from "@/lib/http/loopback";
import { isCleanText, uncleanTextMessage } from "@/lib/text/control-characters";
import { secretWeakness } from "./secret-strength";
import { SESSION_LENGTH_MINUTES } from "./session-length";

export { SESSION_LENGTH_MINUTES };

/** https anywhere; plain http only for this machine (local development). */
export function ssoUrlProblem(value: string): string | null {
  // The URL parser drops tabs and line breaks and keeps a NUL; what is stored is what was typed.
  if (!isCleanText(value)) return uncleanTextMessage("URL");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://app.example.com/sso/login.";
  }
  if (url.username || url.password) return "Remove the user name and password from the URL.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHostname(url.hostname)) return null;
  return "Use an https:// URL (http:// is only allowed for localhost).";
}

const url = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, `The ${label} can be at most 2048 characters.`)
    .superRefine((value, context) => {
      const problem = ssoUrlProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const wholeNumber = (label: string, min: number, max: number, unit: "seconds" | "minutes" = "seconds") =>
  z.coerce
    .number({ error: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number of ${unit}.`)
    .min(min, `${label} must be between ${min} and ${max} ${unit}.`)
    .max(max, `${label} must be between ${min} and ${max} ${unit}.`);


export const ssoSettingsSchema = z.object({
  /**
   * Optional: a tenant that uses tokens only for the widget, the read API or links of its own to
   * /sso/jwt needs none. Without it the help center cannot start a sign-in, so it offers no Sign in
   * and cannot be made private (lib/data/sso-config.ts guards that).
   */
  loginUrl: optional(url("Login URL")),
  logoutUrl: optional(url("Logout URL")),
  issuer: optional(z.string().trim().max(255, "The issuer can be at most 255 characters.").refine(isCleanText, uncleanTextMessage("issuer"))),
  audience: optional(z.string().trim().max(255, "The audience can be at most 255 characters.").refine(isCleanText, uncleanTextMessage("audience"))),
  tokenTtlSeconds: wholeNumber("Token TTL", 30, 86400),
  clockSkewSeconds: wholeNumber("Clock skew leeway", 0, 300),
  sessionLengthMinutes: wholeNumber("Session length", SESSION_LENGTH_MINUTES.min, SESSION_LENGTH_MINUTES.max, "minutes"),
  requireRedirectKey: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  /** A pasted secret; empty keeps the current one. */
  sharedSecret: optional(
    z.string().superRefine((value, context) => {
      const weakness = secretWeakness(value);
      if (weakness) context.addIssue({ code: "custom", message: weakness });
    }),
  ),
}).superRefine((settings, context) => {
  // A sign-in starts at the help center by going to the Login URL, which hands out the key: without
  // one, this setting would refuse every token at /sso/jwt and in the hc_jwt cookie.
  if (settings.requireRedirectKey && !settings.loginUrl) {
    context.addIssue({ code: "custom", path: ["requireRedirectKey"], message: "Sign-ins start at the help center by going to your Login URL: set one above, or leave this off." });
  }
});

export type SsoSettingsInput = z.infer<typeof ssoSettingsSchema>;
export type SsoSettingsField = keyof SsoSettingsInput;
