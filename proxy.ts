// Host-based dispatch: a tenant's host (<subdomain>.<root> or a custom domain) is rewritten into
// the help-center tree app/(help-center)/hc, and a page load carrying an unhandled hc_jwt cookie
// takes a detour through /sso/cookie first. Authorization never happens here; pages, actions and
// routes check it themselves.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { JWT_COOKIE, jwtCookieNeedsHandling } from "@/lib/sso/jwt-cookie";
import { JWT_COOKIE_MARKER } from "@/lib/sso-web/cookies";
import { isPageLoad } from "@/lib/sso-web/page-load";
import { resolveHostSite, rootHostnameFrom } from "@/lib/tenant/host";
import { ORIGINAL_PATH_HEADER } from "@/lib/tenant/original-path";

const rootHostname = rootHostnameFrom(env.APP_URL);

// Served as they are on every host: route handlers read the host themselves.
const PASS_THROUGH = /^\/(?:api|sso|js)(?:\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const site = resolveHostSite(request.headers.get("host"), rootHostname);
  if (site.kind === "app" || PASS_THROUGH.test(pathname)) return NextResponse.next();
  // The JWT cookie flow (lib/sso/jwt-cookie.ts): a full page load carrying an hc_jwt cookie that
  // was not handled yet goes through /sso/cookie first, which decides everything. Client-side
  // navigations (RSC fetches) are left alone: the next full load picks the cookie up. So are
  // speculative prefetches and prerenders (isPageLoad), which nobody may ever look at: the detour
  // would spend the cookie's token on a page the reader never opened.
  if (request.method === "GET" && !request.headers.has("rsc") && isPageLoad(request, { framesToo: true }) && (await jwtCookieNeedsHandling(request.cookies.get(JWT_COOKIE)?.value, request.cookies.get(JWT_COOKIE_MARKER)?.value))) {
    // request.nextUrl carries the Host the browser asked for: it stays on the same help center.
    const url = new URL(`/sso/cookie?${new URLSearchParams({ return_to: `${pathname}${request.nextUrl.search}` })}`, request.nextUrl);
    const response = NextResponse.redirect(url, 303);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const url = request.nextUrl.clone();
  url.pathname = pathname === "/" ? "/hc" : `/hc${pathname}`;
  // The path the visitor asked for, so a private page can send them back to it after sign-in.
  const headers = new Headers(request.headers);
  headers.set(ORIGINAL_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  // /api, /sso and /js never go through the proxy: their handlers read the host themselves, and
  // the proxy would buffer request bodies (and cost a hop on the sign-in hot path).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/|sso/|js/).*)"],
};
