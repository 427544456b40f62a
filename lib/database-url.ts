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

type ConnectionKind = "plain" | "shared-session" | "transaction-pooler";

function connectionKind(url: string): ConnectionKind {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return "plain"; // a URL the driver reads but URL does not (a socket path): a plain connection
  }
  if (params.get(SHARED_SESSION) === "1") return "shared-session";
  // Prisma's spelling for a pooler in transaction mode (PgBouncer and the like).
  if (params.get("pgbouncer") === "true") return "transaction-pooler";
  return "plain";
}

/**
 * Whether connections to this URL may prepare named statements. Not where every connection shares
 * one session (two connections preparing the same name would collide), nor behind a pooler in
 * transaction mode (`pgbouncer=true`, as Prisma spells it), where a statement prepared on one
 * server connection is missing from the next.
 */
export function allowsNamedStatements(url: string): boolean {
  return connectionKind(url) === "plain";
}

/**
 * Whether statements may be pipelined on connections to this URL (lib/pipelined-connections.ts):
 * only on a plain connection to PostgreSQL, whose protocol promises it. The embedded database's
 * socket and transaction poolers get one statement per round trip, as they expect.
 */
export function allowsPipelining(url: string): boolean {
  return connectionKind(url) === "plain";
}

/**
 * Whether every connection to this URL is served by one session that runs one statement at a time
 * (the embedded database): there a single statement never interleaves with another.
 */
export function sharesOneSession(url: string): boolean {
  return connectionKind(url) === "shared-session";
}
