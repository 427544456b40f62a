import "server-only";
import { env } from "@/lib/env";
import { normalizeHostname } from "@/lib/tenant/host";

const scheme = new URL(env.APP_URL).protocol;

/**
 * The help center's origin as the browser sees it, e.g. http://acme.localhost:3000: APP_URL's
 * scheme with the request's host and port. Only called once the host resolved to a tenant.
 */
export function helpCenterOrigin(rawHost: string | null): string {
  const host = (rawHost ?? "").trim().toLowerCase().replace(/\.(?=:|$)/, "");
  const hostname = normalizeHostname(host);
  if (!hostname) throw new Error("helpCenterOrigin needs a valid host");
  return new URL(`${scheme}//${host}`).origin;
}

/**
 * The home page, when a refused visitor can read it without signing in: only on a public help
 * center. On a private one the home page starts another sign-in, which is what "Try again" is for.
 */
export function publicHomePage(context: { tenant: { visibility: "public" | "private" } }, origin: string): string | null {
  return context.tenant.visibility === "public" ? `${origin}/` : null;
}
