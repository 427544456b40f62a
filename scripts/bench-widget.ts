// npm run bench:widget — authenticated widget API calls per second against the production build
// and a real PostgreSQL, beside an empty route handler of the same build, at 32 connections.
//
// Two widget calls are measured: GET /api/widget/v1/session (authentication alone: verify the
// token, one read confirming the settings are current and the holder not suspended) and
// GET /api/widget/v1/articles?q= (authentication plus the article search). Every request carries a
// valid widget token from a pool of 1,000 users' tokens, reused as the widget reuses them. The
// script also checks that the calls wrote nothing (pg_stat_database tuple counters).
//
// Three baselines, all of the same build: the empty route (204, no body); the same with the
// widget's request headers; and the empty route answering a small JSON body, as every API answer
// must. Next streams any response body through web streams, which costs the framework about half
// again per request (see the CPU lines): the JSON baseline is the like-for-like one for an API.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { SignJWT } from "jose";
import { analyzeAsAutovacuumWould, BENCH_PORT as PORT, BENCH_SUBDOMAIN as SUBDOMAIN, describeMachine, formatRun, load, startBenchServer, summarize, withClient, type Run } from "./lib/bench";
import { cpuPerRequest, sampleCpu } from "./lib/cpu-usage";
import { WIDGET_TOKEN_TYPE } from "@/lib/sso/verify-token";

const CONNECTIONS = 32;
const DURATION_SECONDS = 15;

async function writtenTuples(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT (tup_inserted + tup_updated + tup_deleted)::bigint AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Number(rows[0].n);
  });
}

async function seedArticles(url: string, tenantId: string): Promise<void> {
  await withClient(url, async (client) => {
    const categoryId = randomUUID();
    await client.query(`INSERT INTO categories (id, tenant_id, title, slug, updated_at) VALUES ($1, $2, 'Guides', 'guides', now())`, [categoryId, tenantId]);
    // 200 articles of a few KB each, a quarter restricted to a group: a realistic small help center.
    await client.query(
      `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, required_groups, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'How to ' || topic || ' ' || n, 'how-to-' || n, repeat('Some helpful text about ' || topic || '. ', 60),
              CASE WHEN n % 4 = 0 THEN ARRAY['beta'] ELSE ARRAY[]::text[] END, now()
         FROM generate_series(1, 200) AS n,
              LATERAL (SELECT (ARRAY['reset a password', 'invite a teammate', 'export data', 'set up billing'])[1 + n % 4] AS topic) AS t`,
      [tenantId, categoryId],
    );
  });
}

async function main(): Promise<void> {
  const bench = await startBenchServer("bench:widget");
  try {
    await seedArticles(bench.databaseUrl, bench.tenantId);
    const secret = new TextEncoder().encode(bench.secret);
    const iat = Math.floor(Date.now() / 1000);
    // Token TTL 300 s (the default) caps a token's age, far beyond this run's length.
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        new SignJWT({ email: `user${i}@bench.example`, name: `User ${i}`, groups: i % 2 ? ["beta"] : [] })
          .setProtectedHeader({ alg: "HS256", typ: WIDGET_TOKEN_TYPE })
          .setJti(randomUUID())
          .setIssuedAt(iat)
          .setExpirationTime(iat + 3600)
          .sign(secret),
      ),
    );
    let next = 0;
    const widgetOptions = (path: string, seconds: number): autocannon.Options => ({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: "GET",
          path,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, host: `${SUBDOMAIN}.localhost:${PORT}`, authorization: `Bearer ${tokens[next++ % tokens.length]}`, "x-gatehouse-app-id": SUBDOMAIN },
          }),
        },
      ],
    });
    const emptyOptions = (seconds: number): autocannon.Options => ({ url: `http://127.0.0.1:${PORT}/api/health/live`, connections: CONNECTIONS, duration: seconds });
    const emptyJsonOptions = (seconds: number): autocannon.Options => ({ ...emptyOptions(seconds), url: `http://127.0.0.1:${PORT}/api/health/live?format=json` });
    // The same empty route sent the widget's request headers (Host, a ~450-byte Authorization, the
    // app id): on 2 cores the load generator and the HTTP parsing of those headers cost CPU too,
    // and this baseline charges them to the framework rather than to our code.
    const emptyWithHeadersOptions = (seconds: number): autocannon.Options => ({ ...widgetOptions("/api/health/live", seconds) });
    const SESSION = "/api/widget/v1/session";
    const SEARCH = "/api/widget/v1/articles?q=password&limit=10";

    console.log(`bench:widget: warming up (${CONNECTIONS} connections)…`);
    await load(emptyOptions(3));
    await load(widgetOptions(SESSION, 3));
    await load(widgetOptions(SEARCH, 3));
    await analyzeAsAutovacuumWould(bench.databaseUrl);
    await load(widgetOptions(SESSION, 1));
    await load(widgetOptions(SEARCH, 1));

    const cpu = [sampleCpu()];
    const empty = summarize(await load(emptyOptions(DURATION_SECONDS)), 204);
    cpu.push(sampleCpu());
    const emptyWithHeaders = summarize(await load(emptyWithHeadersOptions(DURATION_SECONDS)), 204);
    cpu.push(sampleCpu());
    const emptyJson = summarize(await load(emptyJsonOptions(DURATION_SECONDS)), 200);
    cpu.push(sampleCpu());
    const writesBefore = await writtenTuples(bench.databaseUrl);
    cpu.push(sampleCpu());
    const session = summarize(await load(widgetOptions(SESSION, DURATION_SECONDS)), 200);
    cpu.push(sampleCpu());
    const search = summarize(await load(widgetOptions(SEARCH, DURATION_SECONDS)), 200);
    cpu.push(sampleCpu());
    const writesAfter = await writtenTuples(bench.databaseUrl);

    const row = (name: string, run: Run) => formatRun(name, run, 40);
    console.log("");
    console.log(`bench:widget — ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, production build, PostgreSQL analyzed after the warm-up`);
    console.log(describeMachine());
    console.log(row("empty route (/api/health/live)", empty));
    console.log(row("empty route, widget's request headers", emptyWithHeaders));
    console.log(row("empty route, JSON body (?format=json)", emptyJson));
    console.log(row(`widget session (${SESSION})`, session));
    console.log(row("widget search (?q=password&limit=10)", search));
    console.log(`CPU per request, empty route:           ${cpuPerRequest(cpu[0]!, cpu[1]!, empty.ok)}`);
    console.log(`CPU per request, empty route, headers:  ${cpuPerRequest(cpu[1]!, cpu[2]!, emptyWithHeaders.ok)}`);
    console.log(`CPU per request, empty route, JSON:     ${cpuPerRequest(cpu[2]!, cpu[3]!, emptyJson.ok)}`);
    console.log(`CPU per request, widget session:        ${cpuPerRequest(cpu[4]!, cpu[5]!, session.ok)}`);
    console.log(`CPU per request, widget search:         ${cpuPerRequest(cpu[5]!, cpu[6]!, search.ok)}`);
    const ratios = (run: Run) =>
      `${(run.rps / empty.rps).toFixed(2)} of the empty route, ${(run.rps / emptyWithHeaders.rps).toFixed(2)} with the same headers, ${(run.rps / emptyJson.rps).toFixed(2)} of the empty JSON route`;
    console.log(`ratio, authenticated session call: ${ratios(session)}  (target ≥ 0.70)`);
    console.log(`ratio, authenticated search:       ${ratios(search)}`);
    console.log(`rows written during ${session.ok + search.ok} widget calls: ${writesAfter - writesBefore}`);
    if (session.other + search.other > 0) console.log(`warning: ${session.other + search.other} widget calls did not answer 200`);
  } finally {
    await bench.stop();
  }
}

await main();
