// The migration applier against a real PostgreSQL (or the embedded one): each test gets its own
// scratch database.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "./apply-migrations";
import { createSiblingScratchDatabase, type ScratchDatabase } from "@/test/support/scratch-database";
import { sqlOnce } from "@/test/support/sql";

const REAL_MIGRATIONS = "prisma/migrations";
const scratch: ScratchDatabase[] = [];

async function freshDatabase(): Promise<string> {
  const database = await createSiblingScratchDatabase();
  scratch.push(database);
  return database.url;
}

afterEach(async () => {
  await Promise.all(scratch.splice(0).map((database) => database.drop()));
});

const query = sqlOnce;

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("applyMigrations", () => {
  it("applies every migration once, recorded as Prisma records it", async () => {
    const url = await freshDatabase();
    const names = readdirSync(REAL_MIGRATIONS).filter((name) => !name.endsWith(".toml")).sort();

    const first = await applyMigrations(url, REAL_MIGRATIONS);
    expect(first.applied).toEqual(names);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; id: string }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(path.join(REAL_MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }

    const second = await applyMigrations(url, REAL_MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: names.length, unknownInDatabase: [] });
  });

  it("creates _prisma_migrations with exactly Prisma's columns, so `prisma migrate deploy` accepts it", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, REAL_MIGRATIONS);
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' AND table_schema = current_schema() ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);
  });

  it("applies pending migrations in name order", async () => {
    const url = await freshDatabase();
    // Created out of order on disk; b depends on a.
    const dir = migrationsDir({
      "20240102000000_b": `ALTER TABLE "things" ADD COLUMN "label" TEXT;`,
      "20240101000000_a": `CREATE TABLE "things" ("id" INTEGER PRIMARY KEY);`,
    });
    const report = await applyMigrations(url, dir);
    expect(report.applied).toEqual(["20240101000000_a", "20240102000000_b"]);
  });

  it("refuses a migration that was edited after it was applied, with a clear error", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-migrations-"));
    cpSync(REAL_MIGRATIONS, dir, { recursive: true });
    await applyMigrations(url, dir);

    const [first] = readdirSync(dir).sort();
    appendFileSync(path.join(dir, first!, "migration.sql"), "\n-- an innocent-looking edit\n");
    const attempt = applyMigrations(url, dir);
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(new RegExp(`Migration ${first} was edited after it was applied`));
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await freshDatabase();
    const good = { "20240101000000_a": `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);` };
    const dir = migrationsDir({ ...good, "20240102000000_b": `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nSELECT 1 / 0;` });

    await expect(applyMigrations(url, dir)).rejects.toThrow(/Migration 20240102000000_b failed and was rolled back: division by zero/);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('a', 'b')`);
    expect(tables.map((t) => t.table_name)).toEqual(["a"]);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((row) => row.migration_name)).toEqual(["20240101000000_a"]);

    // Fixed, it applies on the next run.
    writeFileSync(path.join(dir, "20240102000000_b", "migration.sql"), `CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);`);
    expect((await applyMigrations(url, dir)).applied).toEqual(["20240102000000_b"]);
  });

  it("lets instances that start at the same moment migrate without racing", async () => {
    const url = await freshDatabase();
    const names = readdirSync(REAL_MIGRATIONS).sort();
    const reports = await Promise.all([1, 2, 3].map(() => applyMigrations(url, REAL_MIGRATIONS)));
    expect(reports.flatMap((report) => report.applied).sort()).toEqual(names);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(names);
  });

  it("reports migrations the database has but this checkout lacks", async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({ "20240101000000_a": `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);` });
    await applyMigrations(url, dir);
    const older = migrationsDir({});
    expect((await applyMigrations(url, older)).unknownInDatabase).toEqual(["20240101000000_a"]);
  });
});
