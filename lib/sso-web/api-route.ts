import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { SignInContext } from "@/lib/data/sign-in-context";
import { corsOriginFor } from "@/lib/sso/allowed-domains";
import { requestInfo, type RequestInfo } from "./request-info";
import { resolveSsoSite, type SsoSite } from "./site";

// The frame every token-authenticated JSON API shares (the widget API /api/widget/v1 and the read
// API /api/v1): a request id, the host's tenant (404 JSON for unknown hosts), CORS for the tenant's
// Allowed domains only, and for anything unexpected a 500 with the request id — never a stack
// trace, never the Authorization header in the server log.

export interface ApiError {
  code: string;
  message: string;
}

type ApiHandler<P> = (request: NextRequest, site: SsoSite, info: RequestInfo, params: P) => Promise<ApiResult>;

/** What a handler returns: the body and status; the frame adds headers (and the CORS ones). */
export type ApiResult = {
  status: number;
  body: unknown;
  /** the context the request was finally decided with (fresher than the frame's, if reloaded) */
  context?: SignInContext;
  headers?: Record<string, string>;
};

export function apiError(status: number, code: string, message: string, extra: Partial<ApiResult> = {}): ApiResult {
  return { status, body: { error: { code, message } satisfies ApiError }, ...extra };
}

/** The headers the browser is allowed to send cross-origin: the token and the widget's app id. */
const ALLOWED_REQUEST_HEADERS = "Authorization, X-Gatehouse-App-Id";

function corsHeaders(request: NextRequest, context: SignInContext | null): Record<string, string> {
  const origin = corsOriginFor(request.headers.get("origin"), context?.config?.allowedDomains ?? []);
  // Vary: Origin on every answer, so a shared cache never hands one site's CORS answer to another.
  if (!origin) return { Vary: "Origin" };
  return {
    Vary: "Origin",
    "Access-Control-Allow-Origin": origin,
    // The widget reads these to tell a token problem from an outage and to quote the request id.
    "Access-Control-Expose-Headers": "WWW-Authenticate, X-Request-Id",
  };
}

// A plain Response: API answers set no cookies, and NextResponse wraps every one in a cookie jar.
function jsonResponse(result: ApiResult, info: RequestInfo, cors: Record<string, string>): Response {
  return Response.json(result.body, {
    status: result.status,
    headers: {
      // Answers depend on who asks (the token): never stored by a shared cache or the browser.
      "Cache-Control": "no-store",
      "X-Request-Id": info.requestId,
      "X-Content-Type-Options": "nosniff",
      ...cors,
      ...result.headers,
    },
  });
}

export function apiRoute<P = unknown>(name: string, handler: ApiHandler<P>) {
  return async (request: NextRequest, routeContext: { params: Promise<P> }): Promise<Response> => {
    const info = requestInfo(request);
    let context: SignInContext | null = null;
    try {
      // A cached copy of the settings is fine here: the handler confirms its version before a
      // request succeeds on it (lib/sso-web/bearer-auth.ts).
      const site = await resolveSsoSite(request, true);
      if (!site) return jsonResponse(apiError(404, "not_found", "There is no help center at this address."), info, { Vary: "Origin" });
      context = site.context;
      const result = await handler(request, site, info, await routeContext.params);
      return jsonResponse(result, info, corsHeaders(request, result.context ?? context));
    } catch (error) {
      console.error(`[api/${name}] request ${info.requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
      const result = apiError(500, "internal_error", `Something went wrong on our side. Quote request id ${info.requestId} to support.`);
      return jsonResponse(result, info, corsHeaders(request, context));
    }
  };
}

/**
 * The CORS preflight. Answered from fresh settings (not the process cache), so a domain an admin
 * just added works at once; the browser caches the answer for ten minutes.
 */
export async function apiPreflight(request: NextRequest): Promise<NextResponse> {
  const info = requestInfo(request);
  const site = await resolveSsoSite(request, false).catch(() => null);
  const cors = corsHeaders(request, site?.context ?? null);
  if (!site || !cors["Access-Control-Allow-Origin"]) {
    // No CORS headers: the browser refuses the cross-origin call. Same-origin callers never preflight.
    return new NextResponse(null, { status: 204, headers: { ...cors, "X-Request-Id": info.requestId } });
  }
  return new NextResponse(null, {
    status: 204,
    headers: {
      ...cors,
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Access-Control-Allow-Headers": ALLOWED_REQUEST_HEADERS,
      "Access-Control-Max-Age": "600",
      "X-Request-Id": info.requestId,
    },
  });
}
