// What a tenant may be called in its host name. Pure: shared by sign-up, seed and host resolution.

/** Names that belong to Gatehouse itself and can never be a tenant's subdomain. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "www", "app", "api", "admin", "dashboard", "auth", "sso", "static", "assets", "cdn",
  "mail", "smtp", "status", "localhost",
]);

// One DNS label: 2–63 of a–z, 0–9 and "-", not starting or ending with "-".
const SUBDOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

export type SubdomainProblem = "format" | "reserved";

/** Why a subdomain cannot be used, or null when it can. Expects the value already lower-cased. */
export function subdomainProblem(subdomain: string): SubdomainProblem | null {
  if (!SUBDOMAIN_PATTERN.test(subdomain)) return "format";
  // Punycode labels ("xn--…") render as look-alike Unicode in browsers: refuse them.
  if (subdomain.startsWith("xn--")) return "format";
  if (RESERVED_SUBDOMAINS.has(subdomain)) return "reserved";
  return null;
}

export const SUBDOMAIN_RULES =
  "2 to 63 characters: lower-case letters, digits and hyphens, not starting or ending with a hyphen";
