// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { connectOrStartEmbedded } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";

export async function migrateAndReport(databaseUrl: string): Promise<void> {
  const report = await applyMigrations(databaseUrl, "prisma/migrations");
  for (const name of report.applied) console.log(`gatehouse: applied migration ${name}`);
  console.log(`gatehouse: database schema up to date (${report.applied.length} applied, ${report.alreadyApplied} already applied).`);
  if (report.unknownInDatabase.length > 0) {
    console.warn(`gatehouse: the database has migrations this checkout does not: ${report.unknownInDatabase.join(", ")}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const database = await connectOrStartEmbedded(env.DATABASE_URL, env.DATA_DIR, env.EMBEDDED_DB_PORT);
  try {
    await migrateAndReport(database.url);
  } catch (error) {
    console.error(`gatehouse: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}
