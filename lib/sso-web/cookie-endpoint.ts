import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import type { SignInContext } from "@/lib/data/sign-in-context";
import { endSession, findSessionHolder } from "@/lib/data/end-user-sessions";
import { createSignInStore } from "@/lib/data/sign-in-store";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderRejectionPage } from "@/lib/sso/error-page";
import { holderMarker, JWT_COOKIE, namesSomeoneElse, tokenMarker } from "@/lib/sso/jwt-cookie";
import { generateOpaqueToken, hashOpaqueToken } from "@/lib/sso/opaque-token";
import { REASONS } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { isUsableSsoConfig, signInSourceRefusal } from "@/lib/sso/sign-in-gate";
import { verifySsoToken } from "@/lib/sso/verify-token";
import { cookieOptions, expiredCookieOptions, JWT_COOKIE_MARKER, SESSION_COOKIE } from "./cookies";
import { originRestriction, recordTokenRejection, type TokenRejection } from "./rejection-event";
import type { RequestInfo } from "./request-info";
import { htmlResponse, redirectResponse } from "./responses";
import { signInSource } from "./sign-in-source";
import type { SsoSite } from "./site";
import { ssoRoute } from "./sso-route";

// /sso/cookie?return_to=<path>: the JWT cookie flow (lib/sso/jwt-cookie.ts). The proxy sends a page
// load here when the browser carries an hc_jwt cookie it has not handled. The token is verified
// like a widget token (Token TTL as a hard cap on its age, jti not consumed: the tenant's app keeps
// the cookie fresh) but must carry its own header typ, gatehouse-cookie+jwt: a widget token sits in
// page scripts and must never start a session. It starts one unless the tenant only accepts
// sign-ins that start at the help center (key_required: a cookie sign-in never does). Always on
// fresh settings: this runs once per person, not on a hot path.

/** A refused cookie is not tried again for a while; a new token is tried at once (tokenMarker). */
const REFUSAL_MEMORY_SECONDS = 10 * 60;
/** A token refused for its age can never pass later: that exact token is not tried again for a day. */
const AGED_TOKEN_MEMORY_SECONDS = 24 * 60 * 60;

export const handleSsoCookie = ssoRoute("cookie", signInFromCookie);

type Rejection = TokenRejection;

async function signInFromCookie(request: NextRequest, { context, origin }: SsoSite, info: RequestInfo): Promise<NextResponse> {
  const now = new Date();
  const target = safeRedirectTarget(request.nextUrl.searchParams.get("return_to"), origin) ?? `${origin}/`;
  const token = request.cookies.get(JWT_COOKIE)?.value ?? null;
  // Nothing to do (the cookie expired on the way here): just go on to the page.
  if (!token) return redirectResponse(target, 303, info.requestId);

  const config = context.config;
  if (!isUsableSsoConfig(config)) return refuse(request, context, info, { reason: "sso_not_configured" }, token, target);
  const sourceRefusal = signInSourceRefusal(config, signInSource(request), new URL(origin).hostname);
  if (sourceRefusal) return refuse(request, context, info, sourceRefusal, token, target);
  const verified = await verifySsoToken(token, config, now, "cookie");
  if (!verified.ok) return refuse(request, context, info, verified, token, target);
  if (config.requireRedirectKey) return refuse(request, context, info, { reason: "key_required", detail: "a sign-in from the hc_jwt cookie does not start at the help center" }, token, target);

  const { jti, iat, exp, iss, aud, profile } = verified.token;
  const sessionValue = generateOpaqueToken();
  const store = createSignInStore(context.tenant.id, context.version, {
    tokenHash: hashOpaqueToken(sessionValue),
    expiresAt: new Date(now.getTime() + config.sessionLifetimeSeconds * 1000),
    request: info,
  });
  const admitted = await store.admitEndUser(profile, now, { jti, iat, exp, iss, aud, viaRedirectKey: false, via: "hc_jwt_cookie" });
  if (admitted.status === "suspended") return refuse(request, context, info, { reason: "user_suspended" }, token, target);
  if (admitted.status === "conflict") return refuse(request, context, info, { reason: "user_conflict" }, token, target);

  const response = redirectResponse(target, 303, info.requestId);
  response.cookies.set(SESSION_COOKIE, sessionValue, cookieOptions(config.sessionLifetimeSeconds));
  // The session and the marker end together: once the session is gone, the cookie is looked at again.
  response.cookies.set(JWT_COOKIE_MARKER, (await holderMarker(token)) ?? (await tokenMarker(token)), cookieOptions(config.sessionLifetimeSeconds));
  return response;
}

async function refuse(request: NextRequest, context: SignInContext, info: RequestInfo, rejection: Rejection, token: string, target: string): Promise<NextResponse> {
  await recordTokenRejection(context.tenant.id, "sso.cookie_flow.rejected", rejection, token, info, originRestriction(context));
  const endedSomeoneElse = await endSessionOfSomeoneElse(request, context, token, info);
  const response = await refusalResponse(context, info, rejection, token, target);
  if (endedSomeoneElse) response.cookies.set(SESSION_COOKIE, "", expiredCookieOptions());
  return response;
}

/**
 * The cookie says who the tenant's app has at this browser now. When it is refused and someone
 * else is signed in to the help center here (a shared computer: the app's user changed, and the
 * new user's token failed), that session ends: the next person must not go on reading the previous
 * one's help center. The same person's session stays (their cookie merely aged, say), and so does
 * any session when the cookie names nobody (a broken integration says nothing about who is here).
 * Logged as a sign-out of the person whose session it was.
 */
async function endSessionOfSomeoneElse(request: NextRequest, context: SignInContext, token: string, info: RequestInfo): Promise<boolean> {
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (!cookie) return false;
  const holder = await findSessionHolder(context.tenant.id, cookie);
  if (!holder || !namesSomeoneElse(token, holder)) return false;
  const ended = await endSession(context.tenant.id, cookie);
  if (ended) {
    await recordSsoEvent(context.tenant.id, { eventType: "sso.logout", outcome: "info", email: ended.email, externalId: ended.externalId, details: { cause: "hc_jwt_named_someone_else" }, ...info });
  }
  return true;
}

async function refusalResponse(context: SignInContext, info: RequestInfo, rejection: Rejection, token: string, target: string): Promise<NextResponse> {
  // The cookie rides along on every visit; the visitor did not ask to sign in with it. One that
  // has merely aged (the app was not open to refresh it) is no news to them: logged, marked as
  // tried, and the visitor goes on to the page (a private help center then signs them in through
  // the Login URL, which mints a fresh token).
  if (REASONS[rejection.reason].freshTokenFixes) {
    const response = redirectResponse(target, 303, info.requestId);
    response.cookies.set(JWT_COOKIE_MARKER, await tokenMarker(token), cookieOptions(AGED_TOKEN_MEMORY_SECONDS));
    return response;
  }
  // Said once, plainly, with a way on: the marker keeps this token from being tried again, so the
  // visitor is not stuck on this page, and a private help center sends them to sign in normally.
  const html = renderRejectionPage(rejection.reason, {
    helpCenterName: context.tenant.name,
    requestId: info.requestId,
    tryAgainUrl: null,
    continueUrl: target,
    claim: rejection.claim,
  });
  const response = htmlResponse(html, REASONS[rejection.reason].status, info.requestId);
  response.cookies.set(JWT_COOKIE_MARKER, await tokenMarker(token), cookieOptions(REFUSAL_MEMORY_SECONDS));
  return response;
}
