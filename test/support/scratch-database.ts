// A throw-away PostgreSQL database for a test run: a new database on the server DATABASE_URL
// points at (that database itself is never touched), or a new in-memory embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";

export interface ScratchDatabase {
  url: string;
  kind: "server" | "embedded";
  drop(): Promise<void>;
}

export async function createScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ storage: "memory" });
    return { url: embedded.url, kind: "embedded", drop: () => embedded.stop() };
  }
  const name = `gatehouse_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "server",
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A scratch database beside the run's test database (same server, or another embedded one). */
export function createSiblingScratchDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(env.TEST_SCRATCH_SERVER_URL);
}
