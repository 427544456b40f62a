import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { ssoRequestOn } from "@/lib/tenant/custom-domain-redirect";
import type { RequestInfo } from "./request-info";
import { redirectResponse } from "./responses";
import type { SsoSite } from "./site";

/**
 * When the help center sends its readers to its custom domain (lib/tenant/custom-domain-redirect.ts)
 * and this request came to the Gatehouse address: the same request on the custom domain, so the
 * session starts where the reader reads. 307 keeps the method and body, so a token POSTed by a
 * tenant's backend that still names the Gatehouse address arrives there intact. Null otherwise.
 */
export function forwardToCustomDomain(request: NextRequest, { site, context, origin }: SsoSite, info: RequestInfo): NextResponse | null {
  const domain = context.tenant.sendReadersTo;
  if (site.kind !== "subdomain" || !domain) return null;
  const customOrigin = helpCenterAddress({ subdomain: context.tenant.subdomain, customDomain: domain }, env.APP_URL).origin;
  return redirectResponse(ssoRequestOn(customOrigin, request.nextUrl, origin), 307, info.requestId);
}
