import "server-only";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderRejectionPage } from "@/lib/sso/error-page";
import { REASONS } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { isUsableSsoConfig } from "@/lib/sso/sign-in-gate";
import { publicHomePage } from "./help-center-origin";
import { parseHttpUrl, redirectToLoginUrl } from "./login-redirect";
import { isPageLoad } from "./page-load";
import { htmlResponse } from "./responses";
import { ssoRoute } from "./sso-route";

const NOT_A_PAGE_LOAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not a sign-in</title></head><body><p>Signing in starts with a visit to this address; nothing was started.</p></body></html>';

// /sso/login?return_to=…: the start of the flow. A private help center sends visitors without a
// session here; a public one links "Sign in" here.
export const handleSsoLogin = ssoRoute("login", async (request, { context, origin }, info) => {
  // Each start writes a redirect key. An <img src="…/sso/login"> on a busy page, or a router's
  // prefetch, would write one per view for nobody: only a page load (a help center embedded in a
  // frame included) starts a sign-in. A client router that gets this answer loads the page instead.
  if (!isPageLoad(request, { framesToo: true })) return htmlResponse(NOT_A_PAGE_LOAD, 403, info.requestId);
  const returnTo = safeRedirectTarget(request.nextUrl.searchParams.get("return_to"), origin) ?? `${origin}/`;

  /** Logged like every refusal (a burst from one address is folded by the log's flood control). */
  const refuse = async (reason: "sso_not_configured" | "too_many_sign_in_starts", tryAgainUrl: string | null, detail?: string) => {
    // `phase` tells the log's explanation that no token was checked (lib/logs/explain-event.ts).
    const details = { phase: "start", ...(detail ? { detail } : {}) };
    await recordSsoEvent(context.tenant.id, { eventType: "sso.redirect_flow.rejected", outcome: "rejected", reasonCode: reason, ...info, details });
    const html = renderRejectionPage(reason, { helpCenterName: context.tenant.name, requestId: info.requestId, tryAgainUrl, continueUrl: publicHomePage(context, origin) });
    return htmlResponse(html, REASONS[reason].status, info.requestId);
  };

  if (!isUsableSsoConfig(context.config)) return refuse("sso_not_configured", null);
  // Tokens-only SSO (widget, read API): nowhere to send the visitor. Public help centers offer no
  // Sign in then, so this is an old link or a hand-typed address.
  const loginUrl = parseHttpUrl(context.config.loginUrl);
  if (!loginUrl) return refuse("sso_not_configured", null, "No Login URL is set, so the help center cannot start a sign-in.");
  // Null when this address has too many unfinished starts: "Try again" starts over here, and
  // works again as soon as one of them is finished or expires.
  return (
    (await redirectToLoginUrl(request, context, loginUrl, returnTo, info)) ??
    refuse("too_many_sign_in_starts", `${origin}/sso/login?${new URLSearchParams({ return_to: returnTo })}`)
  );
}, { followsReaders: true });
