import "server-only";
import type { NextRequest } from "next/server";
import { findSignInContext, type SignInContext } from "@/lib/data/sign-in-context";
import { env } from "@/lib/env";
import { resolveHostSite, rootHostnameFrom, type HostSite } from "@/lib/tenant/host";
import { helpCenterOrigin } from "./help-center-origin";

const rootHostname = rootHostnameFrom(env.APP_URL);

export interface SsoSite {
  site: HostSite;
  context: SignInContext;
  /** e.g. http://acme.localhost:3000 */
  origin: string;
}

/** The tenant and SSO settings of the request's host, and its origin; null for unknown hosts. */
export async function resolveSsoSite(request: NextRequest, mayUseCache = false): Promise<SsoSite | null> {
  const host = request.headers.get("host");
  const site = resolveHostSite(host, rootHostname);
  const context = await findSignInContext(site, mayUseCache);
  return context ? { site, context, origin: helpCenterOrigin(host) } : null;
}
