// npm run db:seed — the idempotent demo data (see lib/seed/demo-seed.ts).
import { connectOrStartEmbedded } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemo } from "@/lib/seed/demo-seed";

export async function seedAndReport(databaseUrl: string): Promise<void> {
  const db = createPrismaClient(databaseUrl, 2);
  try {
    const report = await seedDemo(db, env.APP_URL);
    const made = [report.createdOwner && "the demo owner", report.createdTenant && "the demo tenant acme"].filter(Boolean);
    console.log(made.length ? `gatehouse: seeded ${made.join(" and ")}.` : "gatehouse: demo data already present; left as it is.");
    if (report.movedLoginUrl) console.log(`gatehouse: the demo tenant's Login URL now follows APP_URL: ${report.movedLoginUrl.from} → ${report.movedLoginUrl.to}`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const database = await connectOrStartEmbedded(env.DATABASE_URL, env.DATA_DIR, env.EMBEDDED_DB_PORT);
  try {
    await seedAndReport(database.url);
  } catch (error) {
    console.error(`gatehouse: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}
