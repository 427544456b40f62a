import { afterEach, describe, expect, it } from "vitest";
import { allowsPipelining } from "@/lib/database-url";
import { createDatabase } from "@/lib/prisma-client";
import { testDatabaseUrl } from "@/test/support/test-database-url";

// The embedded database runs in this process: a sleeping statement there stops everything, and it
// is never pipelined anyway. On a PostgreSQL server (CI), the two paths must not wait on each other.
const onServer = allowsPipelining(testDatabaseUrl());

let database: ReturnType<typeof createDatabase> | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe.skipIf(!onServer)("the database access of a process", () => {
  it("keeps the sign-in's pipelined statements apart from the pool: a slow read does not hold them up", async () => {
    database = createDatabase(testDatabaseUrl(), { poolSize: 2, pipelineConnections: 1 });
    await database.queryPipelined("warm-up", "SELECT 1", []); // connected before the clock starts

    const slow = database.queryPrepared("slow-read", "SELECT pg_sleep(1)", []);
    const started = Date.now();
    const fast = await database.queryPipelined<{ n: number }>("quick-sign-in-step", "SELECT $1::int AS n", [7]);
    expect(fast.rows[0]!.n).toBe(7);
    expect(Date.now() - started).toBeLessThan(500);
    await slow;
  });

  it("answers pipelined statements over the pipelined connections, not the pool", async () => {
    database = createDatabase(testDatabaseUrl(), { poolSize: 2, pipelineConnections: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => database!.queryPipelined<{ pid: number; n: number }>("which-backend", "SELECT pg_backend_pid() AS pid, $1::int AS n", [i])),
    );
    expect(results.map((result) => result.rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(results.map((result) => result.rows[0]!.pid)).size).toBe(1);
    expect(database.pool.totalCount).toBe(0);
  });
});
