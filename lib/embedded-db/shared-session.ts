// Its own module so the app's database code can read it without loading PGlite.

/**
 * A connection-URL parameter saying every connection shares one session (pglite-socket in front
 * of PGlite). The pg driver ignores parameters it does not know.
 */
export const SHARED_SESSION_MARKER = "gatehouse_shared_session";
