// What a database URL says about the connections made to it, beyond what the pg driver reads (it
// ignores query parameters it does not know).

const SHARED_SESSION = "gatehouse_shared_session";

/**
 * The URL, marked as one where every connection shares a single session: pglite-socket in front
 * of PGlite (the embedded database).
 */
export function markSharedSession(url: string): string {
  const marked = new URL(url);
  marked.searchParams.set(SHARED_SESSION, "1");
  return marked.toString();
}

/**
 * Whether connections to this URL may prepare named statements. Not where every connection shares
 * one session (two connections preparing the same name would collide), nor behind a pooler in
 * transaction mode (`pgbouncer=true`, as Prisma spells it), where a statement prepared on one
 * server connection is missing from the next.
 */
export function allowsNamedStatements(url: string): boolean {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return true; // a URL the driver reads but URL does not (a socket path): a plain connection
  }
  return params.get(SHARED_SESSION) !== "1" && params.get("pgbouncer") !== "true";
}
