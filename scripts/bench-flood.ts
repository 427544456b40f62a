// npm run bench:flood — a flood of bad tokens against /sso/jwt (2,000 requests a second offered
// for 30 s, one client IP, the same broken token: a customer's backend signing with an old
// secret), then what the events table holds: rows written vs. requests answered, and whether the
// repeat counters account for every one. Production build, PostgreSQL (DATABASE_URL or the local
// server), scratch database dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { BENCH_PORT, BENCH_SUBDOMAIN, load, startBenchServer, withClient } from "./lib/bench";
import { mintSsoToken } from "@/lib/sso/mint-token";

const RATE = 2000;
const DURATION_SECONDS = 30;
const CONNECTIONS = 100;

const bench = await startBenchServer("bench:flood");
try {
  const wrongSecret = randomBytes(48).toString("base64");
  const token = await mintSsoToken(wrongSecret, { email: "flood@bench.example", name: "Flood" }, new Date(), 3600);
  console.log(`bench:flood: offering ${RATE} bad tokens/s for ${DURATION_SECONDS} s over ${CONNECTIONS} connections…`);
  const result = await load({
    url: `http://127.0.0.1:${BENCH_PORT}/sso/jwt?jwt=${token}`,
    headers: { host: `${BENCH_SUBDOMAIN}.localhost:${BENCH_PORT}` },
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: DURATION_SECONDS,
  });
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const answered = stats["401"]?.count ?? 0;
  const other = Object.entries(stats).filter(([code]) => code !== "401").reduce((sum, [, s]) => sum + s.count, 0) + result.errors + result.timeouts;
  const logged = await withClient(bench.databaseUrl, async (client) => {
    const { rows } = await client.query<{ rows: string; total: string | null; rollup: string | null }>(
      `SELECT (SELECT count(*) FROM sso_events WHERE tenant_id = $1) AS rows,
              (SELECT sum(repeat_count) FROM sso_events WHERE tenant_id = $1 AND reason_code = 'bad_signature') AS total,
              (SELECT sum(count) FROM sso_rejection_hourly WHERE tenant_id = $1) AS rollup`,
      [bench.tenantId],
    );
    return { rows: Number(rows[0]!.rows), total: Number(rows[0]!.total ?? 0), rollup: Number(rows[0]!.rollup ?? 0) };
  });
  // autocannon stops the clock with requests still in flight; the server finishes them, so the
  // database may count a few more than were answered in time, and never more than were sent.
  const sent = (result as unknown as { requests: { sent: number } }).requests.sent;
  const exact = logged.total >= answered && logged.total <= sent && logged.rollup === logged.total;
  console.log("");
  console.log(`bench:flood — offered ${RATE}/s for ${DURATION_SECONDS} s; answered ${(answered / result.duration).toFixed(0)}/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms)`);
  console.log(`requests sent: ${sent.toLocaleString("en")}   answered 401 bad_signature in time: ${answered.toLocaleString("en")}   other outcomes: ${other}`);
  console.log(`sso_events rows written: ${logged.rows.toLocaleString("en")}  (at most 5 per second: ≤ ${(5 * (DURATION_SECONDS + 2)).toLocaleString("en")})`);
  console.log(`sum of repeat counts:    ${logged.total.toLocaleString("en")}   chart rollup total: ${logged.rollup.toLocaleString("en")}`);
  console.log(exact ? "every answered request is counted (answered ≤ counted ≤ sent; rollup = events)" : "COUNTS DO NOT ADD UP");

  // The HTTP tier is CPU-bound on a small machine (the load generator shares its cores), so the
  // same flood is also offered to the recording path alone: the statement each rejection runs.
  console.log(`\nbench:flood: offering ${RATE} rejections/s for ${DURATION_SECONDS} s straight to record_sso_rejection (10 connections)…`);
  const direct = await floodRecordingPath(bench.databaseUrl, bench.tenantId);
  console.log(`recording path: ${direct.calls.toLocaleString("en")} rejections in ${direct.seconds.toFixed(1)} s (${(direct.calls / direct.seconds).toFixed(0)}/s); rows written ${direct.rows}; repeat counts ${direct.total.toLocaleString("en")} ${direct.total === direct.calls ? "= every call counted" : "≠ calls: CHECK"}`);
} finally {
  await bench.stop();
}

async function floodRecordingPath(url: string, tenantId: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const ip = "198.51.100.77";
  const started = performance.now();
  let calls = 0;
  const record = () =>
    pool.query(`SELECT record_sso_rejection($1::uuid, now(), 'sso.redirect_flow.rejected', 'token_expired', 'flood@bench.example', NULL, NULL, NULL, NULL, $2, 'bench', NULL, '{}'::jsonb, 5)`, [tenantId, ip]);
  // Paced by the clock: each 10 ms tick owes RATE/100 calls, at most 10 in flight.
  const inFlight = new Set<Promise<unknown>>();
  while (performance.now() - started < DURATION_SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    while (calls < due && inFlight.size < 10) {
      const call = record().finally(() => inFlight.delete(call));
      inFlight.add(call);
      calls += 1;
    }
    await (inFlight.size >= 10 ? Promise.race(inFlight) : new Promise((resolve) => setTimeout(resolve, 1)));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await pool.query<{ rows: string; total: string }>(
    `SELECT count(*) AS rows, sum(repeat_count) AS total FROM sso_events WHERE tenant_id = $1 AND client_ip = $2`, [tenantId, ip]);
  await pool.end();
  return { calls, seconds, rows: Number(rows[0]!.rows), total: Number(rows[0]!.total) };
}
process.exit(0);
