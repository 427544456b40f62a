import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { endSession } from "@/lib/data/end-user-sessions";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderUnexpectedErrorPage } from "@/lib/sso/error-page";
import { SESSION_COOKIE } from "./cookies";
import { parseHttpUrl } from "./login-redirect";
import { requestInfo } from "./request-info";
import { htmlResponse, notFoundResponse, redirectResponse } from "./responses";
import { resolveSsoSite } from "./site";

// /sso/logout: ends the help-center session, then goes to the tenant's Logout URL, or to our
// "You are signed out" page — never straight back into the sign-in redirect.
export async function handleSsoLogout(request: NextRequest): Promise<NextResponse> {
  const info = requestInfo(request);
  try {
    const site = await resolveSsoSite(request);
    if (!site) return notFoundResponse(info.requestId);
    const { context, origin } = site;
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
    response.cookies.delete(SESSION_COOKIE);
    return response;
  } catch (error) {
    console.error(`[sso/logout] request ${info.requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return htmlResponse(renderUnexpectedErrorPage(info.requestId), 500, info.requestId);
  }
}
