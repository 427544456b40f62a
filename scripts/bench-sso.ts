// npm run bench:sso — successful /sso/jwt sign-ins per second against the production build and a
// real PostgreSQL, beside an empty route handler of the same build, at 32 connections.
//
// Uses the PostgreSQL server in DATABASE_URL (default: the local one at 127.0.0.1:5432), in a
// scratch database it drops afterwards. Each request carries a distinct, freshly minted token
// (IdP-initiated: jti is not a redirect key), so every request is a full, successful sign-in.
import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { ensureProductionBuild } from "./lib/build";
import { bin, start } from "./lib/run";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { createScratchDatabase } from "@/test/support/scratch-database";

const PORT = 3200;
const CONNECTIONS = 32;
const DURATION_SECONDS = 15;
const SUBDOMAIN = "bench";

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not start");
}

async function xactCommits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

function summarize(result: autocannon.Result, okStatus: number): Run {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = stats[String(okStatus)]?.count ?? 0;
  const all = Object.values(stats).reduce((sum, s) => sum + s.count, 0);
  return { rps: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, other: all - ok + result.errors + result.timeouts };
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main(): Promise<void> {
  await ensureProductionBuild();
  const database = await createScratchDatabase(env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  if (database.kind !== "server") throw new Error("bench:sso needs a PostgreSQL server");
  const encryptionKey = randomBytes(32);
  const secret = randomBytes(48).toString("base64");
  let server: ReturnType<typeof start> | undefined;
  try {
    await applyMigrations(database.url, "prisma/migrations");
    const tenantId = randomUUID();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, 'Bench', $2, 'private', now())`, [tenantId, SUBDOMAIN]);
    await client.query(
      `INSERT INTO sso_configs (tenant_id, enabled, login_url, secret_ciphertext, secret_created_at, updated_at) VALUES ($1, true, 'https://app.example/login', $2, now(), now())`,
      [tenantId, encryptSecret(secret, encryptionKey, tenantId)],
    );
    await client.end();

    server = start(bin("next"), ["start", "-p", String(PORT)], {
      DATABASE_URL: database.url,
      APP_URL: `http://localhost:${PORT}`,
      SECRET_ENCRYPTION_KEY: encryptionKey.toString("base64"),
      NODE_ENV: "production",
      DATABASE_POOL_SIZE: "10",
    });
    await waitForHealth();

    // Enough distinct tokens for warm-up and the measured run, minted before the clock starts.
    const users = 1000;
    const tokens = await Promise.all(
      Array.from({ length: 40_000 }, (_, i) => mintSsoToken(secret, { email: `user${i % users}@bench.example`, name: `User ${i % users}` }, new Date(), 3600)),
    );
    let next = 0;
    const ssoOptions = (seconds: number): autocannon.Options => ({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration: seconds,
      headers: { host: `${SUBDOMAIN}.localhost:${PORT}` },
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/sso/jwt?jwt=${tokens[next++ % tokens.length]}` }) }],
    });
    const emptyOptions = (seconds: number): autocannon.Options => ({
      url: `http://127.0.0.1:${PORT}/api/health/live`,
      connections: CONNECTIONS,
      duration: seconds,
    });

    console.log(`bench:sso: warming up (${CONNECTIONS} connections)…`);
    await load(emptyOptions(3));
    await load(ssoOptions(3));

    const empty = summarize(await load(emptyOptions(DURATION_SECONDS)), 204);
    const commitsBefore = await xactCommits(database.url);
    const sso = summarize(await load(ssoOptions(DURATION_SECONDS)), 303);
    const commitsAfter = await xactCommits(database.url);
    if (next > tokens.length) throw new Error("ran out of distinct tokens: raise the token count");

    const row = (name: string, run: Run) =>
      `${name.padEnd(28)} ${run.rps.toFixed(0).padStart(8)} req/s   p50 ${String(run.p50).padStart(4)} ms   p99 ${String(run.p99).padStart(4)} ms   ok ${run.ok}   other ${run.other}`;
    console.log("");
    console.log(`bench:sso — ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, production build, PostgreSQL`);
    console.log(row("empty route (/api/health/live)", empty));
    console.log(row("/sso/jwt successful sign-in", sso));
    console.log(`ratio (sign-ins / empty route): ${(sso.rps / empty.rps).toFixed(2)}  (target ≥ 0.70)`);
    console.log(`database transactions per sign-in (pg_stat_database.xact_commit): ${((commitsAfter - commitsBefore) / Math.max(1, sso.ok)).toFixed(2)}`);
    if (sso.other > 0) console.log(`warning: ${sso.other} sign-in requests did not answer 303`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  }
}

await main();
