// npm run bench:logs [-- --tenant acme --runs 30]
// Server-side time of the Settings → Logs queries, through the same functions the page calls,
// against the PostgreSQL server in DATABASE_URL (fill it first: npm run seed:events -- --tenant
// acme --count 1000000). Target: ≤ 150 ms each at 1,000,000 events.
import { parseArgs } from "node:util";
import pg from "pg";
import { rejectionChart, searchSsoEvents, streamSsoEvents } from "@/lib/data/sso-event-queries";
import { csvRows } from "@/lib/logs/csv";
import { env } from "@/lib/env";
import { resolveTimeWindow, type LogQuery } from "@/lib/logs/log-query";

const TARGET_MS = 150;
const { values } = parseArgs({ options: { tenant: { type: "string", default: "acme" }, runs: { type: "string", default: "30" } } });
const runs = Math.max(3, Number(values.runs) || 30);

if (!env.DATABASE_URL) {
  console.error("bench:logs: set DATABASE_URL to a PostgreSQL server (the embedded database is not one to benchmark).");
  process.exit(2);
}

const sql = new pg.Client({ connectionString: env.DATABASE_URL });
await sql.connect();
const tenant = await sql.query<{ id: string; events: string }>(
  `SELECT t.id, (SELECT count(*) FROM sso_events e WHERE e.tenant_id = t.id) AS events FROM tenants t WHERE t.subdomain = $1`,
  [values.tenant],
);
const tenantId = tenant.rows[0]?.id;
if (!tenantId) {
  console.error(`bench:logs: no tenant "${values.tenant}". Run npm run db:seed and npm run seed:events first.`);
  process.exit(2);
}
const eventCount = Number(tenant.rows[0]!.events);

// Realistic inputs taken from the data: a cursor half way down the 30-day list, and an email that is there.
const deep = await sql.query<{ occurred_at: Date; id: string }>(
  `SELECT occurred_at, id FROM sso_events WHERE tenant_id = $1 ORDER BY occurred_at DESC, id DESC OFFSET $2 LIMIT 1`,
  [tenantId, Math.floor(eventCount / 2)],
);
const someone = await sql.query<{ email: string }>(`SELECT email FROM sso_events WHERE tenant_id = $1 AND email IS NOT NULL ORDER BY id DESC LIMIT 1`, [tenantId]);
await sql.end();

const month: LogQuery = { range: "30d" };
const cases: { name: string; run: () => Promise<unknown> }[] = [
  { name: "first page (last 30 days)", run: () => searchSsoEvents(tenantId, month, resolveTimeWindow(month, new Date())) },
  {
    name: `deep page (row ${Math.floor(eventCount / 2).toLocaleString("en")})`,
    run: () => {
      const query: LogQuery = { ...month, cursor: deep.rows[0] ? { occurredAt: deep.rows[0].occurred_at, id: BigInt(deep.rows[0].id) } : undefined };
      return searchSsoEvents(tenantId, query, resolveTimeWindow(query, new Date()));
    },
  },
  { name: "reason filter (key_required)", run: () => searchSsoEvents(tenantId, { ...month, reason: "key_required" }, resolveTimeWindow(month, new Date())) },
  { name: "reason filter (token_expired)", run: () => searchSsoEvents(tenantId, { ...month, reason: "token_expired" }, resolveTimeWindow(month, new Date())) },
  { name: "event type filter (sso.logout)", run: () => searchSsoEvents(tenantId, { ...month, type: "sso.logout" }, resolveTimeWindow(month, new Date())) },
  { name: "email search", run: () => searchSsoEvents(tenantId, { ...month, q: someone.rows[0]?.email }, resolveTimeWindow(month, new Date())) },
  { name: "chart, 30 days by day", run: () => rejectionChart(tenantId, month, resolveTimeWindow(month, new Date())) },
  { name: "chart, 7 days by hour", run: () => rejectionChart(tenantId, { range: "7d" }, resolveTimeWindow({ range: "7d" }, new Date())) },
  { name: "chart, one user's 30 days", run: () => rejectionChart(tenantId, { ...month, q: someone.rows[0]?.email }, resolveTimeWindow(month, new Date())) },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
console.log(`bench:logs — tenant ${values.tenant}: ${eventCount.toLocaleString("en")} events; ${runs} runs each after 3 warm-ups; server time per query`);
let worst = 0;
for (const { name, run } of cases) {
  for (let i = 0; i < 3; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  worst = Math.max(worst, percentile(times, 95));
  console.log(`${name.padEnd(32)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   max ${times[times.length - 1]!.toFixed(1).padStart(7)} ms`);
}
console.log(`slowest p95: ${worst.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) — ${worst <= TARGET_MS ? "met" : "NOT met"}`);

// The CSV export streams: 100,000 rows through the same batches and formatter the route uses,
// written nowhere, watching how far the heap grows (it should stay around one batch).
const EXPORT_ROWS = 100_000;
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
let exported = 0;
let bytes = 0;
const exportStarted = performance.now();
for await (const batch of streamSsoEvents(tenantId, month, resolveTimeWindow(month, new Date()))) {
  bytes += Buffer.byteLength(csvRows(batch));
  exported += batch.length;
  global.gc?.(); // what is still reachable, not garbage waiting for a collection
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  if (exported >= EXPORT_ROWS) break;
}
console.log(
  `CSV export: ${exported.toLocaleString("en")} rows (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - exportStarted) / 1000).toFixed(1)} s; ` +
    `${global.gc ? `live heap grew at most ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB while streaming` : "(run with --expose-gc to see the live heap)"}`,
);
process.exit(0);
