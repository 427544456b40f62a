// Builds a Prisma client over node-postgres. The app uses the singleton in lib/db.ts; the CLI
// scripts (seed) and integration tests build their own against the database they were given.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, poolSize = 5) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({
    adapter,
    // The encrypted SSO secret is never read by accident: a data-access function that needs it
    // asks for it by name (`omit: { secretCiphertext: false }`).
    omit: { ssoConfig: { secretCiphertext: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
