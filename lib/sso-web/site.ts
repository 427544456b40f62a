import "server-only";
import type { NextRequest } from "next/server";
import { findSignInContext, type SignInContext } from "@/lib/data/sign-in-context";
import { env } from "@/lib/env";
import { resolveHostSite, rootHostnameFrom } from "@/lib/tenant/host";
import { helpCenterOrigin } from "./help-center-origin";

const rootHostname = rootHostnameFrom(env.APP_URL);

/** The tenant and SSO settings of the request's host, and its origin; null for unknown hosts. */
export async function resolveSsoSite(request: NextRequest): Promise<{ context: SignInContext; origin: string } | null> {
  const host = request.headers.get("host");
  const context = await findSignInContext(resolveHostSite(host, rootHostname));
  return context ? { context, origin: helpCenterOrigin(host) } : null;
}
