import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { createRedirectKey, REDIRECT_KEY_LIFETIME_SECONDS } from "@/lib/data/redirect-keys";
import type { SignInContext } from "@/lib/data/sign-in-context";
import { generateOpaqueToken } from "@/lib/sso/opaque-token";
import { env } from "@/lib/env";
import { BINDING_COOKIE, crossSiteCookieOptions, readOpaqueCookie } from "./cookies";
import type { RequestInfo } from "./request-info";
import { redirectResponse } from "./responses";

/** A configured Login or Logout URL, when it is a usable http(s) URL. */
export function parseHttpUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Sends the browser to the tenant's Login URL with a fresh redirect key: `subdomain`, `key` and
 * `return_to` are added to whatever query the Login URL already has, plus `extra` (the jwt_error
 * bounce). The key is bound to this browser by a cookie, reused across tabs. Null when the
 * client's address has too many unfinished sign-ins open (SIGN_IN_STARTS_PER_ADDRESS): no key was
 * written, and the caller answers instead.
 */
export async function redirectToLoginUrl(
  request: NextRequest,
  context: SignInContext,
  loginUrl: URL,
  returnTo: string,
  info: RequestInfo,
  extra: Record<string, string> = {},
  status: 302 | 303 = 302,
): Promise<NextResponse | null> {
  const binding = readOpaqueCookie(request.cookies.get(BINDING_COOKIE)?.value) ?? generateOpaqueToken();
  const key = generateOpaqueToken();
  const written = await createRedirectKey(context.tenant.id, key, binding, returnTo, { clientIp: info.clientIp, openStartsPerAddress: env.SIGN_IN_STARTS_PER_ADDRESS });
  if (!written) return null;

  const target = new URL(loginUrl);
  target.searchParams.set("subdomain", context.tenant.subdomain);
  target.searchParams.set("key", key);
  target.searchParams.set("return_to", returnTo);
  for (const [name, value] of Object.entries(extra)) target.searchParams.set(name, value);

  const response = redirectResponse(target.href, status, info.requestId);
  // SameSite=None where the browser allows it, so a tenant who POSTs the token back still sends the binding.
  response.cookies.set(BINDING_COOKIE, binding, crossSiteCookieOptions(REDIRECT_KEY_LIFETIME_SECONDS, request));
  return response;
}
