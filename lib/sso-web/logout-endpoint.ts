import "server-only";
import { endSession } from "@/lib/data/end-user-sessions";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { expiredCookieOptions, SESSION_COOKIE } from "./cookies";
import { parseHttpUrl } from "./login-redirect";
import { redirectResponse } from "./responses";
import { ssoRoute } from "./sso-route";

// /sso/logout: ends the help-center session, then goes to the tenant's Logout URL, or to our
// "You are signed out" page — never straight back into the sign-in redirect.
export const handleSsoLogout = ssoRoute("logout", async (request, { context, origin }, info) => {
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
});
