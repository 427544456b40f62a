// Request host → which site it names. Pure (no I/O): the proxy and server code call it with the
// Host header and the root host name taken from APP_URL; the data layer then looks the tenant up.
import { isIP } from "node:net";
import { subdomainProblem } from "./subdomain";

export type HostSite =
  /** the root host: landing page and dashboard */
  | { kind: "app" }
  /** <subdomain>.<root> */
  | { kind: "subdomain"; subdomain: string }
  /** any other well-formed host name: maybe a tenant's custom domain */
  | { kind: "custom-domain"; domain: string }
  /** cannot name a tenant (malformed, nested or reserved subdomain) */
  | { kind: "none" };

function validPort(port: string): boolean {
  return /^\d{1,5}$/.test(port) && Number(port) <= 65535;
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Lower-cases, drops the port and one trailing dot. Returns null for anything that is not a
 * host name or an IP literal, e.g. "a b", "evil.com/x", "user@host", empty labels.
 */
export function normalizeHostname(rawHost: string | null | undefined): string | null {
  if (!rawHost) return null;
  let host = rawHost.trim().toLowerCase();
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end < 0) return null;
    const rest = host.slice(end + 1);
    if (rest !== "" && !validPort(rest.slice(1))) return null;
    const ipv6 = host.slice(1, end);
    return isIP(ipv6) === 6 ? ipv6 : null;
  }
  const colon = host.indexOf(":");
  if (colon >= 0) {
    if (!validPort(host.slice(colon + 1))) return null;
    host = host.slice(0, colon);
  }
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host.length > 253) return null;
  if (isIP(host)) return host;
  return host.split(".").every((label) => HOST_LABEL.test(label)) ? host : null;
}

/** The root host name from APP_URL, e.g. "localhost" for http://localhost:3000. */
export function rootHostnameFrom(appUrl: string): string {
  const hostname = normalizeHostname(new URL(appUrl).host);
  if (!hostname) throw new Error(`APP_URL has no usable host: ${appUrl}`);
  return hostname;
}

export function resolveHostSite(rawHost: string | null | undefined, rootHostname: string): HostSite {
  const host = normalizeHostname(rawHost);
  if (!host) return { kind: "none" };
  // An IP literal never names a tenant; serving the app there keeps health checks working.
  if (isIP(host) || host === rootHostname) return { kind: "app" };

  const suffix = `.${rootHostname}`;
  if (host.endsWith(suffix)) {
    const label = host.slice(0, -suffix.length);
    if (label === "www") return { kind: "app" };
    if (label.includes(".") || subdomainProblem(label) !== null) return { kind: "none" };
    return { kind: "subdomain", subdomain: label };
  }
  // A custom domain has at least two labels; "intranet" alone is nobody's help center.
  if (!host.includes(".")) return { kind: "none" };
  return { kind: "custom-domain", domain: host };
}
