import "server-only";
import { readLiveAnnouncement } from "@/lib/embedded-db/runtime-file";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/prisma-client";

export type { Db };

function databaseUrl(): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const embedded = readLiveAnnouncement(env.DATA_DIR);
  if (embedded) return embedded.url;
  throw new Error("No database: set DATABASE_URL, or start Gatehouse with `npm start`, which starts the embedded one.");
}

// One client per server process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { gatehousePrisma?: Db };

export function getDb(): Db {
  globalForPrisma.gatehousePrisma ??= createPrismaClient(databaseUrl(), env.DATABASE_POOL_SIZE);
  return globalForPrisma.gatehousePrisma;
}
