// npm run jobs:purge — deletes expired sign-in state and SSO events past each tenant's retention
// (see lib/data/sign-in-housekeeping.ts).
// The server also runs it every 10 minutes (instrumentation.ts); running it by hand is harmless.
import { purgeExpiredSignInState } from "@/lib/data/sign-in-housekeeping";
import { connectOrStartEmbedded } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-client";

const database = await connectOrStartEmbedded(env.DATABASE_URL, env.DATA_DIR, env.EMBEDDED_DB_PORT);
const db = createPrismaClient(database.url, 2);
try {
  const report = await purgeExpiredSignInState(db);
  console.log(`jobs:purge: deleted ${report.usedTokenIds} replay records, ${report.redirectKeys} redirect keys, ${report.sessions} sessions, ${report.events} SSO events past retention, ${report.authThrottles} ended dashboard sign-in counts.`);
} catch (error) {
  console.error(`jobs:purge: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
