// npm start — build if needed, start the embedded database if DATABASE_URL is unset, migrate,
// seed, and serve on PORT. One process owns the embedded database and the Next.js server, so
// Ctrl-C stops both cleanly.
import { ensureProductionBuild } from "./lib/build";
import { serveProduction } from "./lib/run";
import { migrateAndReport } from "./db-migrate";
import { seedAndReport } from "./db-seed";
import { connectOrStartEmbedded } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";
import { DEMO_OWNER, DEMO_TENANT } from "@/lib/seed/demo-seed";

async function waitUntilServing(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function banner(): string {
  const app = new URL(env.APP_URL);
  const tenantUrl = `${app.protocol}//${DEMO_TENANT.subdomain}.${app.host}`;
  return [
    "",
    "Gatehouse is running.",
    `  Dashboard:          ${app.origin}/dashboard`,
    `  Demo owner:         ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
    `  Demo help center:   ${tenantUrl}`,
    `  Database:           ${env.DATABASE_URL ? "DATABASE_URL" : `embedded PostgreSQL (PGlite) in ${env.DATA_DIR}/pgdata`}`,
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  await ensureProductionBuild();
  const database = await connectOrStartEmbedded(env.DATABASE_URL, env.DATA_DIR, env.EMBEDDED_DB_PORT);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };

  try {
    await migrateAndReport(database.url);
    await seedAndReport(database.url);
  } catch (error) {
    console.error(`gatehouse: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }

  const server = serveProduction(env.PORT, { DATABASE_URL: database.url, APP_URL: env.APP_URL });
  server.on("exit", (code) => void shutdown(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill("SIGTERM");
    });
  }
  if (await waitUntilServing(env.PORT, 60_000)) console.log(banner());
  else console.error(`gatehouse: the server did not answer on port ${env.PORT} within 60 s.`);
}

await main();
