import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { ssoRequestOn } from "@/lib/tenant/custom-domain-redirect";
import type { RequestInfo } from "./request-info";
import { redirectResponse } from "./responses";
import type { SsoSite } from "./site";

/**
 * The custom domain's origin when the help center sends its readers there
 * (lib/tenant/custom-domain-redirect.ts) and this request came to the Gatehouse address; null
 * otherwise, including on the custom domain itself.
 */
export function originReadersAreSentTo({ site, context }: SsoSite): string | null {
  const domain = context.tenant.sendReadersTo;
  if (site.kind !== "subdomain" || !domain) return null;
  return helpCenterAddress({ subdomain: context.tenant.subdomain, customDomain: domain }, env.APP_URL).origin;
}

/**
 * The same request on the custom domain readers are sent to, so the session starts where the
 * reader reads. 307 keeps the method and body, so a token POSTed by a tenant's backend that still
 * names the Gatehouse address arrives there intact. Null when the request stays here.
 */
export function forwardToCustomDomain(request: NextRequest, ssoSite: SsoSite, info: RequestInfo): NextResponse | null {
  const customOrigin = originReadersAreSentTo(ssoSite);
  return customOrigin ? redirectResponse(ssoRequestOn(customOrigin, request.nextUrl, ssoSite.origin), 307, info.requestId) : null;
}
