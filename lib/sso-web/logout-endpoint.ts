import "server-only";
import { endSession } from "@/lib/data/end-user-sessions";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { expiredCookieOptions, SESSION_COOKIE } from "./cookies";
import { parseHttpUrl } from "./login-redirect";
import { isPageLoad } from "./page-load";
import { htmlResponse, redirectResponse } from "./responses";
import { ssoRoute } from "./sso-route";

const NOT_A_PAGE_LOAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not signed out</title></head><body><p>Signing out takes a visit to this address or the Sign out button; nothing was changed.</p></body></html>';

// /sso/logout: ends the help-center session, then goes to the tenant's Logout URL, or to our
// "You are signed out" page — never straight back into the sign-in redirect.
export const handleSsoLogout = ssoRoute("logout", async (request, { context, origin }, info) => {
  // GET stays for links from the tenant's own app, but only a page load may sign anyone out: an
  // <img src="…/sso/logout"> in an article or on a sibling help center would otherwise end the
  // session of everyone who views it.
  if (request.method === "GET" && !isPageLoad(request)) {
    return htmlResponse(NOT_A_PAGE_LOAD, 403, info.requestId);
  }
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const endedFor = cookie ? await endSession(context.tenant.id, cookie) : null;
  if (endedFor) {
    await recordSsoEvent(context.tenant.id, {
      eventType: "sso.logout",
      outcome: "info",
      email: endedFor.email,
      externalId: endedFor.externalId,
      ...info,
    });
  }
  // The Logout URL is the tenant's own setting, validated when saved; parsed again here.
  const logoutUrl = parseHttpUrl(context.config?.logoutUrl);
  const response = redirectResponse(logoutUrl?.href ?? `${origin}/signed-out`, 303, info.requestId);
  response.cookies.set(SESSION_COOKIE, "", expiredCookieOptions());
  return response;
}, { allow: "GET, POST" });
