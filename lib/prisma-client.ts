// Builds the database access of a process: one node-postgres pool, shared by the Prisma client
// (through @prisma/adapter-pg) and by the hot-path statements (the sign-in, the widget and read
// API's reads), which run on the pool directly because Prisma's raw-query pipeline costs ~0.8 ms
// of CPU per statement against ~0.16 ms for the driver itself (measured; lib/data/sign-in-store.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type QueryResult, type QueryResultRow } from "pg";
import { allowsNamedStatements } from "@/lib/database-url";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createDatabase(connectionString: string, poolSize = 5) {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const prisma = new PrismaClient({
    // The pool is ours, but it lives and dies with the client: $disconnect() ends it too.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // The encrypted SSO secret is never read by accident: a data-access function that needs it
    // asks for it by name (`omit: { secretCiphertext: false }`).
    omit: { ssoConfig: { secretCiphertext: true } },
  });
  const preparedStatements = allowsNamedStatements(connectionString);
  /**
   * A hot-path statement on the pool, prepared under `name` on each connection where the database
   * allows it, so PostgreSQL parses and plans it once per connection rather than on every call
   * (planning the sign-in statement cost more than running it). One name, one text, always.
   */
  const queryPrepared = <Row extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<Row>> =>
    pool.query<Row>(preparedStatements ? { name, text, values } : { text, values });
  return { prisma, pool, queryPrepared };
}

/** A Prisma client on its own pool (CLI scripts, tests); `$disconnect()` also ends the pool. */
export function createPrismaClient(connectionString: string, poolSize = 5) {
  return createDatabase(connectionString, poolSize).prisma;
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Pool = pg.Pool;
