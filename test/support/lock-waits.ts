import pg from "pg";
import { testDatabaseUrl } from "./test-database-url";

/**
 * Resolves once `count` statements of the test database that mention `table` are waiting for a
 * lock: the moment a concurrency test may let the lock go, knowing the statements under test have
 * really reached it (a fixed sleep is a guess, and a loaded machine loses it).
 */
export async function untilWaitingForLock(table: string, count: number, timeoutMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%' || $1 || '%'`,
        [table],
      );
      if (rows[0]!.n >= count) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${count} statements on ${table} waited for a lock within ${timeoutMs} ms`);
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
