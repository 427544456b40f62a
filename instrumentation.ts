// Runs once when a server instance starts. Housekeeping on a timer: every instance runs it, which
// is safe (lib/data/sign-in-housekeeping.ts deletes with SKIP LOCKED, in batches).
const PURGE_EVERY_MS = 10 * 60 * 1000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // eslint-disable-line no-restricted-properties -- set by Next itself, not configuration
  const { purgeExpiredSignInState } = await import("@/lib/data/sign-in-housekeeping");
  const { getDb } = await import("@/lib/db");
  const timer = setInterval(() => {
    purgeExpiredSignInState(getDb()).catch((error: unknown) => {
      console.error(`[housekeeping] purge failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, PURGE_EVERY_MS);
  timer.unref();
}
