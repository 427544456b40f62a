import pg from "pg";
import { testDatabaseUrl } from "./test-database-url";

/**
 * Resolves once `count` sessions are waiting on a lock that `holder` holds, directly or queued
 * behind another session that waits for it: the moment a concurrency test may let the lock go,
 * knowing the statements under test have really reached it (a fixed sleep is a guess, and a
 * loaded machine loses it). Only waits caused by `holder` count, so lock waits of other test
 * files running at the same time cannot end the wait early.
 */
export async function untilBlockedBy(holder: pg.Client, count: number, timeoutMs = 10_000): Promise<void> {
  const { rows: held } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `WITH RECURSIVE blocked(pid) AS (
           SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))
           UNION
           SELECT waiting.pid FROM pg_stat_activity waiting JOIN blocked ON blocked.pid = ANY(pg_blocking_pids(waiting.pid))
         ) SELECT count(*)::int AS n FROM blocked`,
        [held[0]!.pid],
      );
      if (rows[0]!.n >= count) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${count} sessions waited for the holder's locks within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` in a second session of the test database with a transaction open: another admin's
 * change, holding its locks until `work` commits. The session ends afterwards (an uncommitted
 * transaction rolls back with it).
 */
export async function inAnotherTransaction<T>(work: (session: pg.Client) => Promise<T>): Promise<T> {
  const session = new pg.Client({ connectionString: testDatabaseUrl() });
  await session.connect();
  try {
    await session.query("BEGIN");
    return await work(session);
  } finally {
    await session.end();
  }
}
