// "*.com", "*.co.uk", "*.github.io": an Allowed domains wildcard over a public suffix would let in
// sites that anyone can register or host, not the tenant's own. The Public Suffix List (its
// private part too) comes from tldts. Kept apart from allowed-domains.ts, which the browser also
// loads (the custom-domain form), so the list is only ever in the server's bundle. Pure.
import { getPublicSuffix } from "tldts";

/** A "*." entry over a public suffix, or over numbers (no top-level domain is numeric). */
export function wildcardOverPublicSuffix(domain: string): boolean {
  if (!domain.startsWith("*.")) return false;
  const base = domain.slice(2);
  return /(^|\.)\d+$/.test(base) || getPublicSuffix(base, { allowPrivateDomains: true }) === base;
}

/** Why a parsed list cannot be saved, for its first such entry; null when it can. */
export function publicSuffixWildcardRefusal(domains: readonly string[]): string | null {
  const entry = domains.find(wildcardOverPublicSuffix);
  return entry
    ? `"${entry}" would allow every site under "${entry.slice(2)}", where anyone can register a name. Name a domain of your own, like *.example.com.`
    : null;
}

/**
 * A saved list as it is enforced: a wildcard over a public suffix, saved before the form refused
 * them, lets nothing in. Applied where the settings are loaded (lib/data/sign-in-context.ts), not
 * on each check.
 */
export function enforcedAllowedDomains(domains: readonly string[]): string[] {
  return domains.filter((domain) => !wildcardOverPublicSuffix(domain));
}
