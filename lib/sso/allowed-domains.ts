// A tenant's "Allowed domains": the sites whose pages may call the widget API from the browser
// (CORS) and, when the tenant turns it on, the only sites a sign-in may come from (Referer/Origin).
// Pure: the list is passed in. Wildcards over public suffixes are refused in public-suffix.ts.

export const MAX_ALLOWED_DOMAINS = 50;

/** example.com, docs.example.com, or *.example.com (any subdomain, not the bare domain). */
const DOMAIN_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type DomainParse = { ok: true; domain: string } | { ok: false; message: string };

/**
 * One entry as an admin typed it, normalized to a lowercase hostname pattern. A pasted URL
 * ("https://app.example.com/path") is reduced to its hostname; ports are not part of the rule.
 */
export function parseAllowedDomain(
  input: string,
  /** how the form asking for it shows a good value; the custom-domain field (one host, no list) has its own */
  form: { example: string; oneOfAList: boolean } = { example: "app.example.com", oneOfAList: true },
): DomainParse {
  let value = input.trim().toLowerCase();
  if (value === "") return { ok: false, message: "Enter a domain." };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) {
    try {
      value = new URL(value).hostname;
    } catch {
      return { ok: false, message: `"${input.trim()}" is not a domain or URL.` };
    }
  }
  value = value.replace(/\/.*$/, "").replace(/:\d+$/, "").replace(/\.$/, "");
  if (/\s/.test(value)) {
    const advice = form.oneOfAList ? "one domain per line" : `write one host name, like ${form.example}`;
    return { ok: false, message: `"${input.trim()}" is not a domain name: ${advice}.` };
  }
  // An internationalized name (bücher.example) is compared as browsers send it: in punycode.
  if (/[^\x00-\x7f]/.test(value)) {
    try {
      value = new URL(`http://${value.replace(/^\*\./, "")}`).hostname.replace(/^/, value.startsWith("*.") ? "*." : "");
    } catch {
      return { ok: false, message: `"${input.trim()}" is not a valid domain name.` };
    }
  }
  if (value === "*" || value.startsWith("*.") === false && value.includes("*")) {
    return { ok: false, message: `"${input.trim()}": a wildcard is only allowed as a leading "*." (for example *.example.com).` };
  }
  if (value.length > 253 || !DOMAIN_PATTERN.test(value)) return { ok: false, message: `"${input.trim()}" is not a valid domain name.` };
  // "intranet" alone is almost always a typo or a split line; localhost is the one real exception.
  if (!value.includes(".") && value !== "localhost") {
    return { ok: false, message: `"${input.trim()}" is not a full domain name: write it like ${form.example}.` };
  }
  return { ok: true, domain: value };
}

/** Parses a list (one per line, or separated by commas); duplicates are dropped. */
export function parseAllowedDomainList(text: string): { ok: true; domains: string[] } | { ok: false; message: string } {
  const entries = text.split(/[\n,]+/).map((entry) => entry.trim()).filter(Boolean);
  const domains: string[] = [];
  for (const entry of entries) {
    const parsed = parseAllowedDomain(entry);
    if (!parsed.ok) return parsed;
    if (!domains.includes(parsed.domain)) domains.push(parsed.domain);
  }
  if (domains.length > MAX_ALLOWED_DOMAINS) return { ok: false, message: `At most ${MAX_ALLOWED_DOMAINS} domains.` };
  return { ok: true, domains };
}

/** Whether a hostname is covered by the list: an exact entry, or a "*." entry for its parent. */
export function hostnameIsAllowed(hostname: string, allowedDomains: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return allowedDomains.some((domain) =>
    domain.startsWith("*.") ? host.endsWith(domain.slice(1)) && host.length > domain.length - 1 : host === domain,
  );
}

/**
 * The hostname of an Origin or Referer header value; null when absent, "null" (opaque origins)
 * or unreadable — callers decide what an unreadable value means.
 */
export function headerHostname(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname : null;
  } catch {
    return null;
  }
}

/** The Origin to echo in Access-Control-Allow-Origin, or null to send no CORS headers at all. */
export function corsOriginFor(origin: string | null, allowedDomains: readonly string[]): string | null {
  const hostname = headerHostname(origin);
  return hostname && hostnameIsAllowed(hostname, allowedDomains) ? origin : null;
}

/**
 * "Only accept sign-ins from these domains": each of Origin and Referer that the request carries
 * must name the help center itself or an allowed domain. Absent headers pass (privacy settings and
 * typed URLs send none); present but unreadable ones, including Origin "null", do not — a value we
 * cannot check is not one we allowed.
 */
export function signInSourceAllowed(
  headers: { origin: string | null; referer: string | null },
  helpCenterHostname: string,
  allowedDomains: readonly string[],
): boolean {
  return [headers.origin, headers.referer].every((value) => {
    if (value === null || value === "") return true;
    const hostname = headerHostname(value);
    if (!hostname) return false;
    return hostname === helpCenterHostname.toLowerCase() || hostnameIsAllowed(hostname, allowedDomains);
  });
}
