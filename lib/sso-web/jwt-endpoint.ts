import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { findRedirectKeyReturnTo } from "@/lib/data/redirect-keys";
import { findSignInContext, type SignInContext } from "@/lib/data/sign-in-context";
import { createSignInStore, StaleSignInContextError, type SessionToStart } from "@/lib/data/sign-in-store";
import { renderRejectionPage } from "@/lib/sso/error-page";
import { keyMismatchDetail } from "@/lib/sso/key-mismatch";
import { generateOpaqueToken, hashOpaqueToken } from "@/lib/sso/opaque-token";
import { REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { safeRedirectTarget } from "@/lib/sso/redirect-target";
import { DEFAULT_SESSION_LIFETIME_SECONDS } from "@/lib/sso/session-length";
import { signIn, type SignInStore } from "@/lib/sso/sign-in";
import { isUsableSsoConfig, signInSourceRefusal } from "@/lib/sso/sign-in-gate";
import { pickToken } from "@/lib/sso/token-input";
import { readUnverifiedToken } from "@/lib/sso/unverified-claims";
import { BINDING_COOKIE, BOUNCE_COOKIE, cookieOptions, crossSiteCookieOptions, expiredCrossSiteCookieOptions, readOpaqueCookie, SESSION_COOKIE } from "./cookies";
import { forwardToCustomDomain } from "./custom-domain-forward";
import { publicHomePage } from "./help-center-origin";
import { parseHttpUrl, redirectToLoginUrl } from "./login-redirect";
import { originRestriction, recordTokenRejection } from "./rejection-event";
import type { RequestInfo } from "./request-info";
import { signInSource } from "./sign-in-source";
import { htmlResponse, notFoundResponse, redirectResponse } from "./responses";
import type { SsoSite } from "./site";
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

/**
 * Where to go after signing in: `forward` (the JWT-cookie products' name) or `return_to`, from the
 * query or the form. Validated like every redirect target before use (safeRedirectTarget).
 */
function wantedTarget(query: URLSearchParams, form: FormData | null): string | null {
  const fromForm = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : null;
  };
  return query.get("forward") ?? query.get("return_to") ?? fromForm("forward") ?? fromForm("return_to");
}

/**
 * The body, read up to `limit` bytes; null when it is longer. Content-Length alone is not enough:
 * a chunked body has none, and the framework buffers whatever a route asks it to parse.
 */
async function readCappedBody(request: NextRequest, limit: number): Promise<Buffer | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readTokenRequest(request: NextRequest): Promise<TokenRequest> {
  const query = request.nextUrl.searchParams;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    // The media type is case-insensitive (RFC 9110 §8.3.1); the multipart boundary is not, so the
    // header itself is passed on as sent.
    const mediaType = type.toLowerCase();
    const body = await readCappedBody(request, MAX_FORM_BYTES);
    if (body === null) return { queryTokens: query.getAll("jwt"), formTokens: [], returnTo: wantedTarget(query, null), oversized: true };
    if (mediaType.startsWith("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/form-data")) {
      // A body that does not parse as the form it claims to be is answered like a missing token.
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData().catch(() => null);
      const formTokens = form ? form.getAll("jwt").filter((value): value is string => typeof value === "string") : [];
      return { queryTokens: query.getAll("jwt"), formTokens, returnTo: wantedTarget(query, form), oversized: false };
    }
  }
  return { queryTokens: query.getAll("jwt"), formTokens: [], returnTo: wantedTarget(query, null), oversized: false };
}

export const handleSsoJwt = ssoRoute("jwt", signInFromRequest, { mayUseCachedContext: true, allow: "GET, POST", followsReaders: true });

type Decision =
  | { ok: true; endUserId: string; keyReturnTo: string | null }
  | {
      ok: false;
      rejection: { reason: RejectionReason; claim?: string; detail?: string };
      token: string | null;
      /** decided after the token claim confirmed the settings were current: final */
      onCurrentSettings: boolean;
    };

/** One attempt at the sign-in with one copy of the tenant's settings. */
async function decide(
  request: NextRequest,
  context: SignInContext,
  input: TokenRequest,
  session: SessionToStart,
  now: Date,
  helpCenterHostname: string,
): Promise<Decision | "stale"> {
  const configured = context.config;
  if (!isUsableSsoConfig(configured)) return { ok: false, rejection: { reason: "sso_not_configured" }, token: null, onCurrentSettings: false };
  const sourceRefusal = signInSourceRefusal(configured, signInSource(request), helpCenterHostname);
  if (sourceRefusal) return { ok: false, rejection: sourceRefusal, token: null, onCurrentSettings: false };
  if (input.oversized) return { ok: false, rejection: { reason: "token_too_large" }, token: null, onCurrentSettings: false };
  const picked = pickToken(input.queryTokens, input.formTokens);
  if (!picked.ok) return { ok: false, rejection: { reason: picked.reason }, token: null, onCurrentSettings: false };

  // Once the claim has confirmed the settings are current, the token is spent: whatever is decided
  // after that (replay, key, user) is final and must not be decided again.
  const store = createSignInStore(context.tenant.id, context.version, session);
  let onCurrentSettings = false;
  const confirmingStore: SignInStore = {
    ...store,
    async claimTokenId(...args) {
      const claim = await store.claimTokenId(...args);
      onCurrentSettings = true;
      return claim;
    },
  };
  try {
    const outcome = await signIn(
      { token: picked.token, config: configured, now, browserBinding: readOpaqueCookie(request.cookies.get(BINDING_COOKIE)?.value) },
      confirmingStore,
    );
    return outcome.ok
      ? { ok: true, endUserId: outcome.endUserId, keyReturnTo: outcome.keyReturnTo }
      : { ok: false, rejection: outcome, token: picked.token, onCurrentSettings };
  } catch (error) {
    if (error instanceof StaleSignInContextError) return "stale";
    throw error;
  }
}

async function signInFromRequest(request: NextRequest, { site, context: firstContext, origin }: SsoSite, info: RequestInfo): Promise<NextResponse> {
  const input = await readTokenRequest(request);
  // After the body: a POST can take minutes to arrive, and a token is judged at the time it did.
  const now = new Date();
  const sessionValue = generateOpaqueToken();
  let context = firstContext;
  const lifetime = () => context.config?.sessionLifetimeSeconds ?? DEFAULT_SESSION_LIFETIME_SECONDS;
  const session = (): SessionToStart => ({
    tokenHash: hashOpaqueToken(sessionValue),
    expiresAt: new Date(now.getTime() + lifetime() * 1000),
    request: info,
  });

  let decision = await decide(request, context, input, session(), now, new URL(origin).hostname);
  // A cached copy of the settings only ever lets a sign-in succeed after its version was checked;
  // a refusal (or a stale copy) is decided again on fresh settings before anyone sees it.
  if (decision === "stale" || (context.cached && !decision.ok && !decision.onCurrentSettings)) {
    const fresh = await findSignInContext(site);
    if (!fresh) return notFoundResponse(info.requestId);
    // The cached copy predates the admin's choice to send readers to the custom domain.
    const forward = forwardToCustomDomain(request, { site, context: fresh, origin }, info);
    if (forward) return forward;
    context = fresh;
    decision = await decide(request, context, input, session(), now, new URL(origin).hostname);
  }
  if (decision === "stale") throw new Error("the SSO configuration kept changing during sign-in");
  if (!decision.ok) return rejectSignIn(request, context, origin, info, decision.rejection, decision.token, input.returnTo);

  const target = safeRedirectTarget(decision.keyReturnTo, origin) ?? safeRedirectTarget(input.returnTo, origin) ?? `${origin}/`;
  const response = redirectResponse(target, 303, info.requestId);
  // A fresh value on every sign-in: whatever session id the browser had before is not reused.
  response.cookies.set(SESSION_COOKIE, sessionValue, cookieOptions(lifetime()));
  // A success ends a run of failures, so the next failure may bounce again. Only a browser that
  // holds the marker is told to drop it: every Set-Cookie costs the framework real work per sign-in.
  if (request.cookies.has(BOUNCE_COOKIE)) response.cookies.set(BOUNCE_COOKIE, "", expiredCrossSiteCookieOptions(request));
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
  // What the visitor wanted: where their redirect key said, else return_to, else the home page.
  const jti = readUnverifiedToken(token).jti;
  const keyReturnTo = jti ? await findRedirectKeyReturnTo(context.tenant.id, jti) : null;
  // Which of key_mismatch's causes it was, for support (lib/sso/key-mismatch.ts).
  const logged =
    rejection.reason === "key_mismatch"
      ? { ...rejection, detail: keyMismatchDetail({ keyReturnTo, origin, browserSentBinding: readOpaqueCookie(request.cookies.get(BINDING_COOKIE)?.value) !== null }) }
      : rejection;
  await recordTokenRejection(context.tenant.id, "sso.redirect_flow.rejected", logged, token, info, originRestriction(context));

  const fromUrl = safeRedirectTarget(keyReturnTo, origin) ?? safeRedirectTarget(returnToParam, origin) ?? `${origin}/`;

  // A fresh token would fix it: send the visitor back to the Login URL once, with the reason.
  const loginUrl = parseHttpUrl(context.config?.loginUrl);
  const alreadyBounced = request.cookies.has(BOUNCE_COOKIE);
  if (REASONS[rejection.reason].freshTokenFixes && loginUrl && context.config?.enabled && !alreadyBounced) {
    const extra: Record<string, string> = { jwt_error: rejection.reason, from_url: fromUrl };
    if (context.config.audience) extra.expected_aud = context.config.audience;
    const response = await redirectToLoginUrl(request, context, loginUrl, fromUrl, info, extra, 303);
    // Without a key (the address has too many unfinished sign-ins open) the visitor is better
    // served by this refusal's own page than by a start that would be refused next.
    if (response) {
      // SameSite=None (where the browser allows it): a tenant that POSTs the next token back from
      // its own site must still send this, or the bounce would loop.
      response.cookies.set(BOUNCE_COOKIE, "1", crossSiteCookieOptions(BOUNCE_MEMORY_SECONDS, request));
      return response;
    }
  }

  // "Try again" restarts the flow, which needs a Login URL to go to.
  const tryAgainUrl = loginUrl ? `${origin}/sso/login?${new URLSearchParams({ return_to: fromUrl })}` : null;
  const html = renderRejectionPage(rejection.reason, {
    helpCenterName: context.tenant.name,
    requestId: info.requestId,
    tryAgainUrl,
    continueUrl: publicHomePage(context, origin),
    claim: rejection.claim,
  });
  const response = htmlResponse(html, REASONS[rejection.reason].status, info.requestId);
  response.cookies.set(BOUNCE_COOKIE, "", expiredCrossSiteCookieOptions(request));
  return response;
}
