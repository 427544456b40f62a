import "server-only";
import { endSession } from "@/lib/data/end-user-sessions";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { logoutDestination, SENT_TO_LOGOUT_URL_SECONDS } from "@/lib/sso/logout-destination";
import { originReadersAreSentTo } from "./custom-domain-forward";
import { crossSiteCookieOptions, expiredCookieOptions, expiredCrossSiteCookieOptions, SENT_TO_LOGOUT_URL_COOKIE, SESSION_COOKIE } from "./cookies";
import { parseHttpUrl } from "./login-redirect";
import { isPageLoad } from "./page-load";
import { htmlResponse, redirectResponse } from "./responses";
import { ssoRoute } from "./sso-route";

const NOT_A_PAGE_LOAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not signed out</title></head><body><p>Signing out takes a visit to this address or the Sign out button; nothing was changed.</p></body></html>';

// /sso/logout: ends the help-center session, then goes to the tenant's Logout URL, or to our
// "You are signed out" page — never straight back into the sign-in redirect, and never round a
// loop with a Logout URL that sends the browser back here (lib/sso/logout-destination.ts).
export const handleSsoLogout = ssoRoute("logout", async (request, ssoSite, info) => {
  const { context, origin } = ssoSite;
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
  // A help center that sends its readers to its custom domain has their sessions there, and a
  // tenant's app that still signs people out at the Gatehouse address must not leave them signed in
  // on it: the custom domain's /sso/logout ends that session and goes on to the Logout URL. (The
  // switch is only on once the admin has checked that the domain leads here.)
  const readersOrigin = originReadersAreSentTo(ssoSite);
  if (readersOrigin) {
    const onward = redirectResponse(`${readersOrigin}/sso/logout`, 303, info.requestId);
    onward.cookies.set(SESSION_COOKIE, "", expiredCookieOptions());
    return onward;
  }
  // The Logout URL is the tenant's own setting, validated when saved; parsed again here.
  const logoutUrl = parseHttpUrl(context.config?.logoutUrl);
  const justSentToLogoutUrl = request.cookies.has(SENT_TO_LOGOUT_URL_COOKIE);
  const destination = logoutDestination({ hasLogoutUrl: logoutUrl !== null, endedSession: endedFor !== null, justSentToLogoutUrl });
  const response = redirectResponse(destination === "logout_url" && logoutUrl ? logoutUrl.href : `${origin}/signed-out`, 303, info.requestId);
  response.cookies.set(SESSION_COOKIE, "", expiredCookieOptions());
  // SameSite=None where the browser allows it: the Logout URL may send the browser back with a
  // cross-site POST, which must still carry the marker.
  if (destination === "logout_url") response.cookies.set(SENT_TO_LOGOUT_URL_COOKIE, "1", crossSiteCookieOptions(SENT_TO_LOGOUT_URL_SECONDS, request));
  else if (justSentToLogoutUrl) response.cookies.set(SENT_TO_LOGOUT_URL_COOKIE, "", expiredCrossSiteCookieOptions(request));
  return response;
}, { allow: "GET, POST" });
