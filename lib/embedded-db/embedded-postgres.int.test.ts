import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { sqlOnce } from "@/test/support/sql";
import { connectOrStartEmbedded, startEmbeddedPostgres } from "./embedded-postgres";
import { announcementPath, readLiveAnnouncement } from "./runtime-file";

const sql = sqlOnce;

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

  it("uses DATABASE_URL when it is set and starts nothing", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-embedded-"));
    const database = await connectOrStartEmbedded("postgresql://postgres@127.0.0.1:5432/whatever", dataDir);
    expect(database.url).toBe("postgresql://postgres@127.0.0.1:5432/whatever");
    expect(existsSync(path.join(dataDir, "pgdata"))).toBe(false);
  });
});
