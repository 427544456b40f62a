import "server-only";
import { readLiveAnnouncement } from "@/lib/embedded-db/runtime-file";
import { env } from "@/lib/env";
import type { QueryResult, QueryResultRow } from "pg";
import { createDatabase, type Db, type Pool } from "@/lib/prisma-client";

export type { Db, Pool };

function databaseUrl(): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const embedded = readLiveAnnouncement(env.DATA_DIR);
  if (embedded) return embedded.url;
  throw new Error("No database: set DATABASE_URL, or start Gatehouse with `npm start`, which starts the embedded one.");
}

// One client and one pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { gatehouseDb?: ReturnType<typeof createDatabase> };

function database() {
  globalForDb.gatehouseDb ??= createDatabase(databaseUrl(), {
    poolSize: env.DATABASE_POOL_SIZE,
    pipelineConnections: env.DATABASE_PIPELINE_CONNECTIONS,
  });
  return globalForDb.gatehouseDb;
}

export function getDb(): Db {
  return database().prisma;
}

/** The same connections as getDb(), for the few statements on the sign-in hot path. */
export function getPool(): Pool {
  return database().pool;
}

/** A hot-path statement on the pool, prepared by name where the database allows it (lib/prisma-client.ts). */
export function queryPrepared<Row extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<Row>> {
  return database().queryPrepared<Row>(name, text, values);
}

/**
 * A sign-in statement: prepared, and pipelined with others on connections of its own where the
 * database allows it (lib/prisma-client.ts). Short statements of fixed cost only, never inside a
 * transaction: each one waits behind those ahead of it on its connection.
 */
export function queryPipelined<Row extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<Row>> {
  return database().queryPipelined<Row>(name, text, values);
}

/** The embedded database: one session serves every connection, one statement at a time (lib/database-url.ts). */
export function databaseSharesOneSession(): boolean {
  return database().sharesOneSession;
}
