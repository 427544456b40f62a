import "server-only";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderRejectionPage } from "@/lib/sso/error-page";
import { REASONS } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { parseHttpUrl, redirectToLoginUrl } from "./login-redirect";
import { htmlResponse } from "./responses";
import { ssoRoute } from "./sso-route";

// /sso/login?return_to=…: the start of the flow. A private help center sends visitors without a
// session here; a public one links "Sign in" here.
export const handleSsoLogin = ssoRoute("login", async (request, { context, origin }, info) => {
  const returnTo = safeRedirectTarget(request.nextUrl.searchParams.get("return_to"), origin) ?? `${origin}/`;
  const loginUrl = parseHttpUrl(context.config?.loginUrl);
  if (!context.config?.enabled || !context.config.secret || !loginUrl) {
    await recordSsoEvent(context.tenant.id, { eventType: "sso.redirect_flow.rejected", outcome: "rejected", reasonCode: "sso_not_configured", ...info });
    const html = renderRejectionPage("sso_not_configured", { helpCenterName: context.tenant.name, requestId: info.requestId, tryAgainUrl: null });
    return htmlResponse(html, REASONS.sso_not_configured.status, info.requestId);
  }
  return redirectToLoginUrl(request, context, loginUrl, returnTo, info.requestId);
});
