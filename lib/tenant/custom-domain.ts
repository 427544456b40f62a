// A tenant's custom domain: the host name its readers use instead of <subdomain>.<root domain>
// (Settings → General). Pure: the root host name is passed in. The rules mirror what host
// resolution (./host.ts) can actually serve, so a saved domain is always one a request can reach.
import { isIP } from "node:net";
import { parseAllowedDomain } from "@/lib/sso/allowed-domains";
import { resolveHostSite } from "./host";

/** `domain: null` means "no custom domain" (the field was left empty). */
export type CustomDomainParse = { ok: true; domain: string | null } | { ok: false; message: string };

export const CUSTOM_DOMAIN_EXAMPLE = "help.example.com";

/**
 * The domain as an admin typed it, normalized: lower case, a pasted URL reduced to its host name,
 * a trailing dot and a port dropped, an internationalized name in punycode (what browsers send).
 */
export function parseCustomDomain(input: string, rootHostname: string): CustomDomainParse {
  const typed = input.trim();
  if (typed === "") return { ok: true, domain: null };
  if (typed.includes("*")) return { ok: false, message: `A custom domain is one exact host name, without wildcards: for example ${CUSTOM_DOMAIN_EXAMPLE}.` };
  const parsed = parseAllowedDomain(typed);
  if (!parsed.ok) return parsed;
  const domain = parsed.domain;
  const lastLabel = domain.slice(domain.lastIndexOf(".") + 1);
  if (isIP(domain) || /^\d+$/.test(lastLabel)) {
    return { ok: false, message: `An IP address cannot be a help center's domain: use a host name such as ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  if (domain === rootHostname || domain.endsWith(`.${rootHostname}`)) {
    return { ok: false, message: `Addresses under ${rootHostname} are Gatehouse's own, and your help center already has one. Use a domain of yours, such as ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  if (resolveHostSite(domain, rootHostname).kind !== "custom-domain") {
    return { ok: false, message: `"${typed}" is not a full host name: write it like ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  return { ok: true, domain };
}
