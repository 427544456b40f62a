import { env } from "@/lib/env";

/** The migrated database `npm test` prepared for this run. */
export function testDatabaseUrl(): string {
  if (!env.TEST_DATABASE_URL) {
    throw new Error("TEST_DATABASE_URL is not set: run the suites through `npm test` (or `npm run test:integration`), which prepares a database.");
  }
  return env.TEST_DATABASE_URL;
}
