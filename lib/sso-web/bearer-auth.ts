import "server-only";
import type { NextRequest } from "next/server";
import { findSignInContext, type SignInContext } from "@/lib/data/sign-in-context";
import { readBearerToken } from "@/lib/sso/bearer-token";
import type { EndUserProfile } from "@/lib/sso/profile-claims";
import { REASONS } from "@/lib/sso/reasons";
import { isUsableSsoConfig } from "@/lib/sso/sign-in-gate";
import { verifySsoToken } from "@/lib/sso/verify-token";
import { isSuspended, tenantAccessSnapshot } from "./access-snapshot";
import { signatureMemo } from "./signature-memo";
import { apiError, type ApiResult } from "./api-route";
import { recordTokenRejection, type TokenRejection } from "./rejection-event";
import type { RequestInfo } from "./request-info";
import type { SsoSite } from "./site";

// `Authorization: Bearer <token>` for the widget API and the read API. The token is a widget-kind
// token (header typ gatehouse-widget+jwt), verified by the same code and rules as /sso/jwt,
// including the Token TTL as a hard cap on its age. Unlike /sso/jwt its jti is not consumed: the
// page reuses one token until it ages out. So a successful call writes nothing, and it reads
// nothing either beyond a per-tenant snapshot at most a second old (access-snapshot.ts) that
// confirms the (possibly cached) settings are current and the holder is not suspended. A refusal
// is logged as widget_jwt.rejected and answered 401 with a JSON error.

export type ApiSurface = "widget" | "read_api";

/** Who the token speaks for, from its verified claims. */
export interface TokenHolder {
  email: string;
  name: string;
  externalId: string | null;
  /** the token's groups claim; none when absent */
  groups: string[];
  role: EndUserProfile["role"];
}

export type BearerAuthentication = { ok: true; context: SignInContext; holder: TokenHolder } | { ok: false; result: ApiResult };

type Rejection = TokenRejection;
type Attempt = { ok: true; holder: TokenHolder } | { ok: false; rejection: Rejection; final: boolean } | "stale";

async function attempt(context: SignInContext, token: ReturnType<typeof readBearerToken>, now: Date, freshSnapshot: boolean): Promise<Attempt> {
  const config = context.config;
  if (!isUsableSsoConfig(config)) return { ok: false, rejection: { reason: "sso_not_configured" }, final: false };
  if (!token.ok) {
    // No setting makes a missing token acceptable: decided again only when the snapshot (at most a
    // second old) shows the settings moved, so the answer's CORS headers follow them, and a flood
    // of token-less calls costs no settings reload each.
    const snapshot = await tenantAccessSnapshot(context.tenant.id, { fresh: freshSnapshot });
    if (snapshot.configVersion !== context.version) return "stale";
    return { ok: false, rejection: { reason: token.reason }, final: true };
  }
  const verified = await verifySsoToken(token.token, config, now, "widget", signatureMemo);
  if (!verified.ok) return { ok: false, rejection: verified, final: false };
  const { profile } = verified.token;
  const snapshot = await tenantAccessSnapshot(context.tenant.id, { fresh: freshSnapshot });
  if (snapshot.configVersion !== context.version) return "stale";
  if (isSuspended(snapshot, profile)) return { ok: false, rejection: { reason: "user_suspended" }, final: true };
  return {
    ok: true,
    holder: { email: profile.email, name: profile.name, externalId: profile.externalId, groups: profile.groups ?? [], role: profile.role },
  };
}

export async function authenticateBearer(request: NextRequest, site: SsoSite, info: RequestInfo, surface: ApiSurface): Promise<BearerAuthentication> {
  const now = new Date();
  const token = readBearerToken(request.headers.get("authorization"));
  let context = site.context;
  let outcome = await attempt(context, token, now, false);
  // A cached copy of the settings only lets a call succeed once its version was confirmed; a
  // refusal on a cached copy is decided again on fresh settings before anyone sees it.
  if (outcome === "stale" || (context.cached && !outcome.ok && !outcome.final)) {
    const fresh = await findSignInContext(site.site);
    if (!fresh) return { ok: false, result: apiError(404, "not_found", "There is no help center at this address.") };
    context = fresh;
    outcome = await attempt(context, token, now, true);
  }
  if (outcome === "stale") throw new Error("the SSO configuration kept changing during the request");
  if (outcome.ok) return { ok: true, context, holder: outcome.holder };
  return { ok: false, result: await rejectBearer(request, context, info, surface, outcome.rejection, token.ok ? token.token : null) };
}

/** The plain-words message: what failed and, where it helps, which claim and by how much. */
export function rejectionMessage(rejection: Rejection): string {
  const specifics = [rejection.claim ? `claim: ${rejection.claim}` : null, rejection.detail ?? null].filter(Boolean);
  const title = REASONS[rejection.reason].title;
  return specifics.length > 0 ? `${title} (${specifics.join("; ")})` : title;
}

async function rejectBearer(
  request: NextRequest,
  context: SignInContext,
  info: RequestInfo,
  surface: ApiSurface,
  rejection: Rejection,
  token: string | null,
): Promise<ApiResult> {
  await recordTokenRejection(context.tenant.id, "widget_jwt.rejected", rejection, token, info, { surface, path: request.nextUrl.pathname });
  // RFC 6750 §3: no error attribute when the request carried no token at all.
  const challenge = rejection.reason === "token_missing" ? 'Bearer realm="gatehouse"' : `Bearer realm="gatehouse", error="invalid_token"`;
  return apiError(401, rejection.reason, rejectionMessage(rejection), { context, headers: { "WWW-Authenticate": challenge } });
}
