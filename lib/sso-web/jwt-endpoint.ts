import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { startSessionAndRecord } from "@/lib/data/end-user-sessions";
import { findRedirectKeyReturnTo } from "@/lib/data/redirect-keys";
import type { SignInContext } from "@/lib/data/sign-in-context";
import { createSignInStore } from "@/lib/data/sign-in-store";
import { recordSsoEvent } from "@/lib/data/sso-events";
import { renderRejectionPage } from "@/lib/sso/error-page";
import { generateOpaqueToken } from "@/lib/sso/opaque-token";
import { REASONS, signatureWasVerified, type RejectionReason } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { signIn } from "@/lib/sso/sign-in";
import { pickToken } from "@/lib/sso/token-input";
import { readUnverifiedToken } from "@/lib/sso/unverified-claims";
import { BINDING_COOKIE, BOUNCE_COOKIE, cookieOptions, readOpaqueCookie, SESSION_COOKIE } from "./cookies";
import { parseHttpUrl, redirectToLoginUrl } from "./login-redirect";
import type { RequestInfo } from "./request-info";
import { htmlResponse, redirectResponse } from "./responses";
import { ssoRoute } from "./sso-route";

// /sso/jwt: the tenant's backend sends the browser here with a signed token. The decisions live
// in lib/sso (verify-token.ts, sign-in.ts); this module reads the request and writes the response.

const BOUNCE_MEMORY_SECONDS = 10 * 60;

// A form with one 8 KiB token and a return_to fits easily; anything bigger is not read at all.
const MAX_FORM_BYTES = 64 * 1024;

interface TokenRequest {
  queryTokens: string[];
  formTokens: string[];
  returnTo: string | null;
  /** the POST body was too large to read */
  oversized: boolean;
}

async function readTokenRequest(request: NextRequest): Promise<TokenRequest> {
  const query = request.nextUrl.searchParams;
  let formTokens: string[] = [];
  let formReturnTo: string | null = null;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    const length = Number(request.headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > MAX_FORM_BYTES) {
      return { queryTokens: query.getAll("jwt"), formTokens: [], returnTo: query.get("return_to"), oversized: true };
    }
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      formTokens = form.getAll("jwt").filter((value): value is string => typeof value === "string");
      const value = form.get("return_to");
      formReturnTo = typeof value === "string" ? value : null;
    }
  }
  return { queryTokens: query.getAll("jwt"), formTokens, returnTo: query.get("return_to") ?? formReturnTo, oversized: false };
}

export const handleSsoJwt = ssoRoute("jwt", (request, site, info) => signInFromRequest(request, site.context, site.origin, info));

async function signInFromRequest(request: NextRequest, context: SignInContext, origin: string, info: RequestInfo): Promise<NextResponse> {
  const now = new Date();
  const input = await readTokenRequest(request);
  const config = context.config;

  const configured = config?.enabled && config.secret ? config : null;
  if (!configured) return rejectSignIn(request, context, origin, info, { reason: "sso_not_configured" }, null, input.returnTo);
  if (input.oversized) return rejectSignIn(request, context, origin, info, { reason: "token_too_large" }, null, input.returnTo);
  const picked = pickToken(input.queryTokens, input.formTokens);
  if (!picked.ok) return rejectSignIn(request, context, origin, info, { reason: picked.reason }, null, input.returnTo);

  const outcome = await signIn(
    { token: picked.token, config: configured, now, browserBinding: readOpaqueCookie(request.cookies.get(BINDING_COOKIE)?.value) },
    createSignInStore(context.tenant.id),
  );
  if (!outcome.ok) return rejectSignIn(request, context, origin, info, outcome, picked.token, input.returnTo);

  const sessionValue = generateOpaqueToken();
  const lifetime = configured.sessionLifetimeSeconds;
  const claims = readUnverifiedToken(picked.token); // verified by now; read for iss/aud/iat/exp
  await startSessionAndRecord(
    context.tenant.id,
    outcome.endUserId,
    sessionValue,
    new Date(now.getTime() + lifetime * 1000),
    {
      eventType: "sso.login.succeeded",
      outcome: "success",
      email: outcome.profile.email,
      externalId: outcome.profile.externalId,
      jti: outcome.jti,
      iss: claims.iss,
      aud: claims.aud,
      ...info,
      details: { iat: claims.iat, exp: claims.exp, viaRedirectKey: outcome.viaRedirectKey, endUserId: outcome.endUserId },
    },
    now,
  );

  const target = safeRedirectTarget(outcome.keyReturnTo, origin) ?? safeRedirectTarget(input.returnTo, origin) ?? `${origin}/`;
  const response = redirectResponse(target, 303, info.requestId);
  // A fresh value on every sign-in: whatever session id the browser had before is not reused.
  response.cookies.set(SESSION_COOKIE, sessionValue, cookieOptions(lifetime));
  response.cookies.delete(BOUNCE_COOKIE);
  return response;
}

async function rejectSignIn(
  request: NextRequest,
  context: SignInContext,
  origin: string,
  info: RequestInfo,
  rejection: { reason: RejectionReason; claim?: string; detail?: string },
  token: string | null,
  returnToParam: string | null,
): Promise<NextResponse> {
  const unverified = readUnverifiedToken(token);
  await recordSsoEvent(context.tenant.id, {
    eventType: "sso.redirect_flow.rejected",
    outcome: "rejected",
    reasonCode: rejection.reason,
    email: unverified.email,
    externalId: unverified.externalId,
    jti: unverified.jti,
    iss: unverified.iss,
    aud: unverified.aud,
    ...info,
    details: {
      claim: rejection.claim,
      detail: rejection.detail,
      verified: token ? signatureWasVerified(rejection.reason) : undefined,
      header: token ? unverified.header : undefined,
      iat: unverified.iat,
      exp: unverified.exp,
      nbf: unverified.nbf,
    },
  });

  // What the visitor wanted: where their redirect key said, else return_to, else the home page.
  const keyReturnTo = unverified.jti ? await findRedirectKeyReturnTo(context.tenant.id, unverified.jti) : null;
  const fromUrl = safeRedirectTarget(keyReturnTo, origin) ?? safeRedirectTarget(returnToParam, origin) ?? `${origin}/`;

  // A fresh token would fix it: send the visitor back to the Login URL once, with the reason.
  const loginUrl = parseHttpUrl(context.config?.loginUrl);
  const alreadyBounced = request.cookies.has(BOUNCE_COOKIE);
  if (REASONS[rejection.reason].freshTokenFixes && loginUrl && context.config?.enabled && !alreadyBounced) {
    const extra: Record<string, string> = { jwt_error: rejection.reason, from_url: fromUrl };
    if (context.config.audience) extra.expected_aud = context.config.audience;
    const response = await redirectToLoginUrl(request, context, loginUrl, fromUrl, info.requestId, extra, 303);
    response.cookies.set(BOUNCE_COOKIE, "1", cookieOptions(BOUNCE_MEMORY_SECONDS));
    return response;
  }

  // "Try again" restarts the flow, which needs a Login URL to go to.
  const tryAgainUrl = loginUrl ? `${origin}/sso/login?${new URLSearchParams({ return_to: fromUrl })}` : null;
  const html = renderRejectionPage(rejection.reason, { helpCenterName: context.tenant.name, requestId: info.requestId, tryAgainUrl, claim: rejection.claim });
  const response = htmlResponse(html, REASONS[rejection.reason].status, info.requestId);
  response.cookies.delete(BOUNCE_COOKIE);
  return response;
}
