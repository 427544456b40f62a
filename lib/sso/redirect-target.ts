// Every URL we redirect a visitor to after sign-in comes from the outside (return_to, the URL
// stored with a redirect key, forward). Only the help center's own origin is allowed, and we send
// back the URL as we normalised it, never the raw value: no open redirects.

const MAX_TARGET_LENGTH = 2048;
// Control characters and backslashes are how "/\evil.com" and "/%09/evil.com" tricks begin.
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * The absolute URL to redirect to, or null when `raw` may not be used.
 * @param helpCenterOrigin e.g. "https://acme.gatehouse.app" (scheme, host and port)
 */
export function safeRedirectTarget(raw: string | null | undefined, helpCenterOrigin: string): string | null {
  if (!raw || raw.length > MAX_TARGET_LENGTH || FORBIDDEN_CHARACTERS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, helpCenterOrigin);
  } catch {
    return null;
  }
  if (url.origin !== helpCenterOrigin || url.username || url.password) return null;
  return url.href;
}
