// Every URL we redirect a visitor to after sign-in comes from the outside (return_to, the URL
// stored with a redirect key, forward). Only the help center's own origin is allowed, and we send
// back the URL as we normalised it, never the raw value: no open redirects.

/** In UTF-8 bytes: what we send back is the value percent-encoded, so at most three times this. */
const MAX_TARGET_BYTES = 2048;
// Control characters (C0, DEL and C1) and backslashes are how "/\evil.com" and "/%09/evil.com"
// tricks begin.
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The absolute URL to redirect to, or null when `raw` may not be used.
 * @param helpCenterOrigin e.g. "https://acme.gatehouse.app" (scheme, host and port)
 */
export function safeRedirectTarget(raw: string | null | undefined, helpCenterOrigin: string): string | null {
  // raw.length first: a string longer than the limit in UTF-16 units is longer in bytes too.
  if (!raw || raw.length > MAX_TARGET_BYTES || Buffer.byteLength(raw, "utf8") > MAX_TARGET_BYTES || FORBIDDEN_CHARACTERS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, helpCenterOrigin);
  } catch {
    return null;
  }
  if (url.origin !== helpCenterOrigin || url.username || url.password) return null;
  return url.href;
}
