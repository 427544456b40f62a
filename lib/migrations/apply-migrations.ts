// Applies prisma/migrations the way `prisma migrate deploy` would, without Prisma's native engine
// (it must be downloaded, which these machines cannot). The bookkeeping is Prisma's own: the same
// `_prisma_migrations` table, columns and sha256 checksums, and the same advisory-lock key, so a
// database migrated here is seen as up to date by `prisma migrate deploy`, and the two never race.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The key Prisma's migrate engine locks; sharing it serialises us with Prisma too. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Verbatim shape of the table Prisma creates.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** `<dir>/<timestamp>_<name>/migration.sql`, in name order (the timestamp prefix sorts them). */
export function readLocalMigrations(migrationsDir: string): LocalMigration[] {
  if (!existsSync(migrationsDir)) throw new MigrationError(`No migrations directory at ${migrationsDir}.`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql.`);
      const sql = readFileSync(file, "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  /** recorded in the database but missing from the directory (e.g. an older checkout) */
  unknownInDatabase: string[];
}

export async function applyMigrations(connectionString: string, migrationsDir: string): Promise<MigrationReport> {
  const local = readLocalMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Session-level lock: a second instance starting at the same moment waits here, then finds
    // everything applied. Released in `finally`, and by PostgreSQL if this process dies.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const done = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
      const report: MigrationReport = {
        applied: [],
        alreadyApplied: 0,
        unknownInDatabase: [...done.keys()].filter((name) => !local.some((migration) => migration.name === name)),
      };

      for (const migration of local) {
        const row = done.get(migration.name);
        if (row && row.finished_at === null) {
          throw new MigrationError(
            `Migration ${migration.name} started earlier and did not finish. Repair the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${migration.name}).`,
          );
        }
        if (row) {
          if (row.checksum !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration.`,
            );
          }
          report.alreadyApplied += 1;
          continue;
        }
        if (await applyOne(client, migration)) report.applied.push(migration.name);
        else report.alreadyApplied += 1;
      }
      return report;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Returns false when another runner applied it meanwhile. */
async function applyOne(client: pg.Client, migration: LocalMigration): Promise<boolean> {
  // One transaction per migration: it lands whole with its bookkeeping row, or not at all.
  await client.query("BEGIN");
  try {
    // Looked up again inside the transaction: the embedded PGlite runs every connection in one
    // backend, where the advisory lock cannot exclude a second runner, but transactions are
    // still serialised, so this check sees a concurrent runner's committed row.
    const again = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL AND finished_at IS NOT NULL`,
      [migration.name],
    );
    if (again.rowCount) {
      await client.query("COMMIT");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}
