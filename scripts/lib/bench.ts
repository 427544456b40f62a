// What the benchmark scripts share: a production server on a scratch PostgreSQL database with one
// private tenant whose SSO is on, and autocannon runs summarised the same way.
import { randomBytes, randomUUID } from "node:crypto";
import { cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { ensureProductionBuild } from "./build";
import { serveProduction } from "./run";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { createScratchDatabase } from "@/test/support/scratch-database";

export const BENCH_PORT = 3200;
export const BENCH_SUBDOMAIN = "bench";

export interface BenchServer {
  databaseUrl: string;
  tenantId: string;
  secret: string;
  stop(): Promise<void>;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${BENCH_PORT}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not start");
}

/** Builds if stale, migrates a scratch database, creates the tenant, starts the production server (scripts/serve.ts). */
export async function startBenchServer(name: string): Promise<BenchServer> {
  await ensureProductionBuild();
  const database = await createScratchDatabase(env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  if (database.kind !== "server") throw new Error(`${name} needs a PostgreSQL server`);
  const encryptionKey = randomBytes(32);
  const secret = randomBytes(48).toString("base64");
  const tenantId = randomUUID();
  let server: ReturnType<typeof serveProduction> | undefined;
  const stop = async () => {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  };
  try {
    await applyMigrations(database.url, "prisma/migrations");
    await withClient(database.url, async (client) => {
      await client.query(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, 'Bench', $2, 'private', now())`, [tenantId, BENCH_SUBDOMAIN]);
      await client.query(
        `INSERT INTO sso_configs (tenant_id, enabled, login_url, secret_ciphertext, secret_created_at, updated_at) VALUES ($1, true, 'https://app.example/login', $2, now(), now())`,
        [tenantId, encryptSecret(secret, encryptionKey, tenantId)],
      );
    });
    server = serveProduction(BENCH_PORT, {
      DATABASE_URL: database.url,
      APP_URL: `http://localhost:${BENCH_PORT}`,
      SECRET_ENCRYPTION_KEY: encryptionKey.toString("base64"),
      DATABASE_POOL_SIZE: "10",
    });
    await waitForHealth();
    return { databaseUrl: database.url, tenantId, secret, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Gathers the planner's statistics, as autovacuum would once the warm-up has written the data a
 * benchmark reads. A production PostgreSQL analyzes a table after 50 rows plus a tenth of it have
 * changed, and every connection's cached plans are made again. Some machines' PostgreSQL (this
 * workplace's among them) run with autovacuum off: there, a plan cached while end_users was empty
 * keeps scanning every user of the tenant to find one (README, Performance).
 */
export async function analyzeAsAutovacuumWould(url: string): Promise<void> {
  await withClient(url, (client) => client.query("ANALYZE"));
}

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

/**
 * The machine a report was measured on: the same build reads very differently from one 2-vCPU
 * virtual machine to the next, so figures are only comparable with this line beside them.
 */
export function describeMachine(): string {
  const cores = cpus();
  return `machine: ${cores.length} × ${cores[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** One run as a line of the report: throughput, latency, and what did not answer as expected. */
export function formatRun(name: string, run: Run, nameWidth: number): string {
  return `${name.padEnd(nameWidth)} ${run.rps.toFixed(0).padStart(8)} req/s   p50 ${String(run.p50).padStart(4)} ms   p99 ${String(run.p99).padStart(4)} ms   ok ${run.ok}   other ${run.other}`;
}

export function summarize(result: autocannon.Result, okStatus: number): Run {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = stats[String(okStatus)]?.count ?? 0;
  const all = Object.values(stats).reduce((sum, s) => sum + s.count, 0);
  return { rps: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, other: all - ok + result.errors + result.timeouts };
}

export function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
