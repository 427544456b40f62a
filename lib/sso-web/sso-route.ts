import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { renderUnexpectedErrorPage } from "@/lib/sso/error-page";
import { forwardToCustomDomain } from "./custom-domain-forward";
import { requestInfo, type RequestInfo } from "./request-info";
import { htmlResponse, methodNotAllowedResponse, notFoundResponse } from "./responses";
import { resolveSsoSite, type SsoSite } from "./site";

type SsoHandler = (request: NextRequest, site: SsoSite, info: RequestInfo) => Promise<NextResponse>;

/**
 * The frame every /sso/* endpoint shares: a request id, the host's tenant (a plain 404 for
 * unknown hosts), and for anything unexpected a 500 page with the request id — never a stack
 * trace, and never the request's URL (it may hold a token) in the server log.
 *
 * HEAD is refused here, for every endpoint: Next answers HEAD by running the GET handler, and each
 * of these GETs spends a token, starts or ends a session, or writes a redirect key. A link checker
 * or a chat app unfurling a pasted link must not do any of that. `allow` names the methods the
 * endpoint's route exports.
 *
 * `followsReaders`: on the Gatehouse address of a help center that sends its readers to its custom
 * domain, the request is passed on there (custom-domain-forward.ts) instead of being handled.
 */
export function ssoRoute(
  name: string,
  handler: SsoHandler,
  options: { mayUseCachedContext?: boolean; allow?: string; followsReaders?: boolean } = {},
): (request: NextRequest) => Promise<NextResponse> {
  return async (request) => {
    const info = requestInfo(request);
    if (request.method === "HEAD") return methodNotAllowedResponse(options.allow ?? "GET", info.requestId);
    try {
      let site = await resolveSsoSite(request, options.mayUseCachedContext);
      if (!site) return notFoundResponse(info.requestId);
      let forward = options.followsReaders ? forwardToCustomDomain(request, site, info) : null;
      if (forward && site.context.cached) {
        // Only on current settings: a cached copy is checked when a token is claimed, and a
        // request passed on never gets that far. (One that is not passed on on a stale copy is
        // caught at the claim: jwt-endpoint.ts asks again.)
        site = await resolveSsoSite(request);
        if (!site) return notFoundResponse(info.requestId);
        forward = forwardToCustomDomain(request, site, info);
      }
      if (forward) return forward;
      return await handler(request, site, info);
    } catch (error) {
      console.error(`[sso/${name}] request ${info.requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
      return htmlResponse(renderUnexpectedErrorPage(info.requestId), 500, info.requestId);
    }
  };
}
