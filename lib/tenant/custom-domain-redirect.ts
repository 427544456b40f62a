// Sending readers from a help center's Gatehouse address (<subdomain>.<root>) on to its custom
// domain, once its admin turned that on (Settings → General). One address per help center keeps
// readers' sessions in one place: a session belongs to the host it was started on, so a reader who
// signed in on the custom domain and then followed an old link to the Gatehouse address would
// otherwise find themselves signed out there.
//
// Pure: the caller says where the request came in and which origin to send it to.

import { safeRedirectTarget } from "@/lib/sso/redirect-target";

/** Query parameters of /sso/* requests that name a page to come back to. */
const RETURN_PARAMETERS = ["return_to", "forward"] as const;

/**
 * The same path and query on `toOrigin`. The path is assigned, never resolved against the origin,
 * so a path that looks like another host ("//evil.example/x") stays a path on `toOrigin`.
 * @param pathAndQuery what the visitor asked for, e.g. "/articles/x?y=1"
 */
export function sameAddressOn(toOrigin: string, pathAndQuery: string): string {
  const url = new URL(toOrigin);
  const queryAt = pathAndQuery.indexOf("?");
  url.pathname = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
  url.search = queryAt === -1 ? "" : pathAndQuery.slice(queryAt);
  return url.href;
}

/**
 * An /sso/* request (sign-in start, token) moved to the custom domain. A `return_to` or `forward`
 * naming a page of the Gatehouse address moves along, so the reader still lands on the page they
 * wanted: the custom domain only accepts its own pages. Any other value is passed on as it came,
 * and the custom domain judges it as it judges every redirect target.
 */
export function ssoRequestOn(toOrigin: string, request: URL, fromOrigin: string): string {
  const moved = new URL(sameAddressOn(toOrigin, `${request.pathname}${request.search}`));
  for (const name of RETURN_PARAMETERS) {
    const values = moved.searchParams.getAll(name);
    if (values.length === 0) continue;
    moved.searchParams.delete(name);
    for (const value of values) {
      const onGatehouseAddress = safeRedirectTarget(value, fromOrigin);
      moved.searchParams.append(name, onGatehouseAddress ? withOrigin(onGatehouseAddress, toOrigin) : value);
    }
  }
  return moved.href;
}

/** `absoluteUrl` with its scheme, host and port replaced; path, query and fragment kept. */
function withOrigin(absoluteUrl: string, origin: string): string {
  const url = new URL(absoluteUrl);
  const to = new URL(origin);
  url.protocol = to.protocol;
  url.host = to.host;
  return url.href;
}
