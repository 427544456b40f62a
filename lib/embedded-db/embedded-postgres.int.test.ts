import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/prisma-client";
import { rawConnect, wire } from "@/test/support/raw-postgres";
import { sqlOnce } from "@/test/support/sql";
import { connectOrStartEmbedded, startEmbeddedPostgres } from "./embedded-postgres";
import { announcementPath, readLiveAnnouncement } from "./runtime-file";

const sql = sqlOnce;

/** A loopback port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("embedded PostgreSQL", () => {
  it("keeps data in its directory across restarts", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "gatehouse-embedded-")), "pgdata");
    const first = await startEmbeddedPostgres({ storage: { dataDir } });
    await sql(first.url, `CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')`);
    await first.stop();

    const second = await startEmbeddedPostgres({ storage: { dataDir } });
    try {
      expect(await sql(second.url, `SELECT value FROM kept`)).toEqual([{ value: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("serves several connections at once, with interleaved transactions", async () => {
    const database = await startEmbeddedPostgres({ storage: "memory" });
    try {
      await sql(database.url, `CREATE TABLE counter (n INTEGER)`);
      const pool = new pg.Pool({ connectionString: database.url, max: 5 });
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO counter VALUES ($1)", [i]);
            await client.query("COMMIT");
          } finally {
            client.release();
          }
        }),
      );
      await pool.end();
      expect(await sql(database.url, `SELECT count(*)::int AS n FROM counter`)).toEqual([{ n: 10 }]);
    } finally {
      await database.stop();
    }
  });

  it("keeps a query's messages together when they arrive in pieces: another connection's query waits for its Sync", async () => {
    const database = await startEmbeddedPostgres({ storage: "memory" });
    const [a, b] = await Promise.all([rawConnect(database.url), rawConnect(database.url)]);
    try {
      // A's Parse arrives on its own, as a query split across two reads of its socket does.
      a.write(wire.parse("SELECT ($1::int + $2::int)::text"));
      await a.received("1");
      // B's whole query arrives meanwhile. Run now, its Parse would replace A's unnamed statement.
      b.write(Buffer.concat([wire.parse("SELECT $1::text"), wire.bind(["seven"]), wire.execute(), wire.sync()]));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(b.rows()).toEqual([]);
      a.write(Buffer.concat([wire.bind(["1", "2"]), wire.execute(), wire.sync()]));
      await Promise.all([a.received("Z"), b.received("Z")]);
      expect({ a: a.rows(), b: b.rows(), errors: [...a.errors(), ...b.errors()] }).toEqual({ a: ["3"], b: ["seven"], errors: [] });
    } finally {
      a.close();
      b.close();
      await database.stop();
    }
  });

  it("undoes what a connection leaves mid-query when it goes away, as a server ends its session", async () => {
    const database = await startEmbeddedPostgres({ storage: "memory" });
    try {
      await sql(database.url, `CREATE TABLE notes (n INTEGER)`);
      const count = async () => (await sql<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM notes`))[0]!.n;

      // An INSERT run but never synced: a server would roll it back with the connection.
      const unfinished = await rawConnect(database.url);
      unfinished.write(Buffer.concat([wire.parse("INSERT INTO notes VALUES (1)"), wire.bind([]), wire.execute()]));
      await unfinished.received("C");
      unfinished.close();
      expect(await count()).toBe(0);

      // A Bind that failed, so the session skips everything until a Sync that never comes.
      const failed = await rawConnect(database.url);
      failed.write(Buffer.concat([wire.parse("SELECT $1::int"), wire.bind(["1", "2"])]));
      await failed.received("E");
      failed.close();
      const next = await rawConnect(database.url);
      next.write(Buffer.concat([wire.parse("SELECT 'answered'"), wire.bind([]), wire.execute(), wire.sync()]));
      await next.received("Z");
      expect({ rows: next.rows(), errors: next.errors() }).toEqual({ rows: ["answered"], errors: [] });
      next.close();
    } finally {
      await database.stop();
    }
  });

  it("shares one session among its connections: named statements would collide, so its URL says not to prepare them", async () => {
    const database = await startEmbeddedPostgres({ storage: "memory" });
    const statement = { name: "same-name", text: "SELECT $1::int AS n" };
    const runOnEveryConnection = async (run: (client: pg.PoolClient, i: number) => Promise<unknown>) => {
      const pool = new pg.Pool({ connectionString: database.url, max: 3 });
      const clients = await Promise.all([0, 1, 2].map(() => pool.connect()));
      try {
        return await Promise.allSettled(clients.map(run));
      } finally {
        clients.forEach((client) => client.release());
        await pool.end();
      }
    };
    try {
      // Why: the second connection's Parse meets the first one's statement in the shared session.
      const named = await runOnEveryConnection((client, i) => client.query({ ...statement, values: [i] }));
      expect(named.filter((outcome) => outcome.status === "rejected")).not.toHaveLength(0);

      // What the app does about it: on this URL its hot statements go unnamed and through the pool (not
      // pipelined, though asked to), and all succeed.
      const { close, queryPipelined } = createDatabase(database.url, { poolSize: 3, pipelineConnections: 2 });
      try {
        const results = await Promise.all(Array.from({ length: 9 }, (_, i) => queryPipelined<{ n: number }>("hot-statement", statement.text, [i])));
        expect(results.map((result) => result.rows[0]!.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      } finally {
        await close();
      }
    } finally {
      await database.stop();
    }
  });

  it("is announced so other commands reuse the running instance, and the announcement is removed on stop", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-embedded-"));
    const owner = await connectOrStartEmbedded(undefined, dataDir);
    expect(readLiveAnnouncement(dataDir)?.url).toBe(owner.url);

    const reuser = await connectOrStartEmbedded(undefined, dataDir);
    expect(reuser.url).toBe(owner.url);
    await reuser.stop(); // a reuser's stop leaves the owner running
    expect(await sql(owner.url, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);

    await owner.stop();
    expect(existsSync(announcementPath(dataDir))).toBe(false);
  });

  it("listens on the port it is given (EMBEDDED_DB_PORT), so psql can reach it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-embedded-"));
    const port = await freePort();
    const database = await connectOrStartEmbedded(undefined, dataDir, port);
    try {
      expect(new URL(database.url).port).toBe(String(port));
      expect(await sql(`postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    } finally {
      await database.stop();
    }
  });

  it("uses DATABASE_URL when it is set and starts nothing", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-embedded-"));
    const database = await connectOrStartEmbedded("postgresql://postgres@127.0.0.1:5432/whatever", dataDir);
    expect(database.url).toBe("postgresql://postgres@127.0.0.1:5432/whatever");
    expect(existsSync(path.join(dataDir, "pgdata"))).toBe(false);
  });
});
