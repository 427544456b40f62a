import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderRejectionPage, renderUnexpectedErrorPage } from "@/lib/sso/error-page";
import { REASONS } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { parseHttpUrl, redirectToLoginUrl } from "./login-redirect";
import { requestInfo } from "./request-info";
import { htmlResponse, notFoundResponse } from "./responses";
import { resolveSsoSite } from "./site";

// /sso/login?return_to=…: the start of the flow. A private help center sends visitors without a
// session here; a public one links "Sign in" here.
export async function handleSsoLogin(request: NextRequest): Promise<NextResponse> {
  const info = requestInfo(request);
  try {
    const site = await resolveSsoSite(request);
    if (!site) return notFoundResponse(info.requestId);
    const { context, origin } = site;
    const returnTo = safeRedirectTarget(request.nextUrl.searchParams.get("return_to"), origin) ?? `${origin}/`;
    const loginUrl = parseHttpUrl(context.config?.loginUrl);
    if (!context.config?.enabled || !context.config.secret || !loginUrl) {
      await recordSsoEvent(context.tenant.id, { eventType: "sso.redirect_flow.rejected", outcome: "rejected", reasonCode: "sso_not_configured", ...info });
      const html = renderRejectionPage("sso_not_configured", { helpCenterName: context.tenant.name, requestId: info.requestId, tryAgainUrl: null });
      return htmlResponse(html, REASONS.sso_not_configured.status, info.requestId);
    }
    return await redirectToLoginUrl(request, context, loginUrl, returnTo, info.requestId);
  } catch (error) {
    console.error(`[sso/login] request ${info.requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return htmlResponse(renderUnexpectedErrorPage(info.requestId), 500, info.requestId);
  }
}
