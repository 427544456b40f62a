import { safeRedirectTarget } from "@/lib/sso/redirect-target";

// Where the dashboard's sign-in form goes once it succeeds: the `callbackUrl` it was sent with,
// when that is a page of the dashboard's own origin. It comes from the address bar, so it is
// judged like every other redirect target (lib/sso/redirect-target.ts): a check of the raw
// string alone let "/\t/evil.example" through, which the URL parser reads as //evil.example.

const DEFAULT_DESTINATION = "/dashboard";

/**
 * The path (with query and fragment) to open after signing in; "/dashboard" for anything that is
 * not a page of `appOrigin`.
 * @param appOrigin the dashboard's origin, e.g. "https://gatehouse.app"
 */
export function signInDestination(callbackUrl: string | null | undefined, appOrigin: string): string {
  const target = safeRedirectTarget(callbackUrl, appOrigin);
  if (!target) return DEFAULT_DESTINATION;
  const url = new URL(target);
  // "/..//evil.example" resolves to the path "//evil.example", which a router reads as another
  // host: a path that starts with two slashes is not sent on.
  if (url.pathname.startsWith("//")) return DEFAULT_DESTINATION;
  return `${url.pathname}${url.search}${url.hash}`;
}
