// Used by the Prisma CLI only (`prisma generate`). Migrations are applied by our own applier
// (`npm run db:migrate`), because Prisma's migrate engine must be downloaded and cannot be here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
