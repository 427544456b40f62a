// Builds the database access of a process: one node-postgres pool, shared by the Prisma client
// (through @prisma/adapter-pg) and by the hot-path statements (the sign-in, the widget and read
// API's reads), which skip Prisma because its raw-query pipeline costs ~0.8 ms of CPU per
// statement against ~0.16 ms for the driver itself (measured; lib/data/sign-in-store.ts). Where the
// database allows it, the sign-in's own statements go pipelined over a few connections of their
// own (lib/pipelined-connections.ts) instead of through the pool.
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type QueryResult, type QueryResultRow } from "pg";
import { allowsNamedStatements, allowsPipelining, sharesOneSession } from "@/lib/database-url";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createPipelinedConnections } from "@/lib/pipelined-connections";

export interface DatabaseOptions {
  poolSize?: number;
  /** connections for the pipelined hot-path statements; 0 (the default here) uses the pool */
  pipelineConnections?: number;
}

export function createDatabase(connectionString: string, { poolSize = 5, pipelineConnections = 0 }: DatabaseOptions = {}) {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const prisma = new PrismaClient({
    // The pool is ours, but it lives and dies with the client: $disconnect() ends it too.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // The encrypted SSO secret is never read by accident: a data-access function that needs it
    // asks for it by name (`omit: { secretCiphertext: false }`).
    omit: { ssoConfig: { secretCiphertext: true } },
  });
  const preparedStatements = allowsNamedStatements(connectionString);
  const pipelined =
    pipelineConnections > 0 && allowsPipelining(connectionString) ? createPipelinedConnections(connectionString, pipelineConnections) : null;
  const named = (name: string, text: string, values: unknown[]) => (preparedStatements ? { name, text, values } : { text, values });
  /**
   * A hot-path statement on the pool, prepared under `name` on each connection where the database
   * allows it, so PostgreSQL parses and plans it once per connection rather than on every call
   * (planning the sign-in statement cost more than running it). One name, one text, always.
   */
  const queryPrepared = <Row extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<Row>> =>
    pool.query<Row>(named(name, text, values));
  /**
   * queryPrepared, pipelined on connections of its own where the database allows it. Only for
   * short statements of fixed cost that stand alone (one statement, no transaction around it): a
   * statement waits behind the ones ahead of it on its connection, so nothing that can run long
   * (a search) or wait (inside a transaction) belongs here.
   */
  const queryPipelined = <Row extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<Row>> => {
    const config = named(name, text, values);
    return pipelined ? pipelined.query<Row>(config) : pool.query<Row>(config);
  };
  /** Ends every connection: the pool (through Prisma) and the pipelined ones. */
  const close = async () => {
    await Promise.all([prisma.$disconnect(), pipelined?.close()]);
    // $disconnect() ends the pool only if Prisma ever used it.
    if (!pool.ending) await pool.end();
  };
  return { prisma, pool, queryPrepared, queryPipelined, close, sharesOneSession: sharesOneSession(connectionString) };
}

/** A Prisma client on its own pool (CLI scripts, tests); `$disconnect()` also ends the pool. */
export function createPrismaClient(connectionString: string, poolSize = 5) {
  return createDatabase(connectionString, { poolSize }).prisma;
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Pool = pg.Pool;
