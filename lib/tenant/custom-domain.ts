// A tenant's custom domain: the host name its readers use instead of <subdomain>.<root domain>
// (Settings → General). Pure, and free of Node modules: the form checks with it before asking to
// confirm, the server action again before saving. The rules match what host resolution
// (./host.ts) serves as a custom domain, so a saved domain is one a request can reach (a unit test
// holds the two together).
import { parseAllowedDomain } from "@/lib/sso/allowed-domains";

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
  const parsed = parseAllowedDomain(typed, { example: CUSTOM_DOMAIN_EXAMPLE, oneOfAList: false });
  if (!parsed.ok) return parsed;
  const domain = parsed.domain;
  // An IPv4 address ends in a number, as no top-level domain does; IPv6 never gets past the parser.
  const lastLabel = domain.slice(domain.lastIndexOf(".") + 1);
  if (/^\d+$/.test(lastLabel)) {
    return { ok: false, message: `An IP address cannot be a help center's domain: use a host name such as ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  if (domain === rootHostname || domain.endsWith(`.${rootHostname}`)) {
    return { ok: false, message: `Addresses under ${rootHostname} are Gatehouse's own, and your help center already has one. Use a domain of yours, such as ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  // Host resolution serves no single-label name as a help center ("localhost", "intranet").
  if (!domain.includes(".")) {
    return { ok: false, message: `"${typed}" is not a full host name: write it like ${CUSTOM_DOMAIN_EXAMPLE}.` };
  }
  return { ok: true, domain };
}
