import "server-only";

/**
 * Whether a GET is a page load rather than an image, script or fetch: browsers name what a request
 * is for in Sec-Fetch-Dest. A GET that changes something (starts a sign-in, ends a session) must
 * not happen because an <img src> in an article or on another site points at it. A client that
 * sends no Sec-Fetch-Dest (an older browser, a script) is treated as a page load. A client-side
 * navigation or a server action is a fetch, not a page load.
 * @param framesToo count a page loading inside a frame (a help center embedded in an iframe)
 */
export function isPageLoad(request: { headers: Pick<Headers, "get"> }, { framesToo = false }: { framesToo?: boolean } = {}): boolean {
  // A speculative prefetch or prerender loads a document nobody may ever look at.
  const purpose = `${request.headers.get("sec-purpose") ?? ""} ${request.headers.get("purpose") ?? ""}`;
  if (/prefetch|prerender/i.test(purpose)) return false;
  const destination = request.headers.get("sec-fetch-dest");
  if (destination === null || destination === "document") return true;
  return framesToo && (destination === "iframe" || destination === "frame");
}
