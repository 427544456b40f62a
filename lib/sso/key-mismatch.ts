// What a key_mismatch refusal can tell support beyond "another browser": the request shows which
// of the three usual causes it was. Pure.
//
// The key's binding cookie is host-only, so a token sent back to another address of the help
// center than the one the sign-in started on (its custom domain against its subdomain) arrives
// without it; a browser that blocks the cookie, or a cross-site POST from a plain-http site (where
// the cookie can only be SameSite=Lax), brings none either; and a browser with a cookie of its own
// presenting someone else's key is the case the binding exists to stop.

/** The detail logged with a key_mismatch refusal; explain-event.ts reads it back. */
export function keyMismatchDetail(input: {
  /** where the key said to return: always a page of the address the sign-in started on */
  keyReturnTo: string | null;
  /** the origin the token was sent to */
  origin: string;
  /** the request carried a well-formed binding cookie */
  browserSentBinding: boolean;
}): string {
  const startedAt = originOf(input.keyReturnTo);
  if (startedAt && startedAt !== input.origin) return `started at "${startedAt}"`;
  return input.browserSentBinding ? "key of another browser" : "no key cookie";
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The address a key_mismatch detail says the sign-in started at, if it says one. */
export function startedAtFromDetail(detail: string | null): string | null {
  return detail?.match(/^started at "(.*)"$/)?.[1] ?? null;
}
