// npm run seed:events -- --tenant acme --count 1000000
// Fills a tenant's log with realistic SSO events for trying Settings → Logs and for bench:logs:
// spread over the last 30 days, ~70% sign-ins, ~25% rejections over a weighted mix of reasons
// (with a token_expired spike yesterday from 14:00 UTC), ~5% logouts, 5,000 users (three in five
// with an external id), some flood-folded rows with repeat counts. Written in batches by
// PostgreSQL itself (generate_series), so a million rows take a minute or two.
import { parseArgs } from "node:util";
import pg from "pg";
import { connectOrStartEmbedded } from "@/lib/embedded-db/embedded-postgres";
import { env } from "@/lib/env";

const BATCH = 100_000;

// Weighted: common failures appear more often, as they do in real logs.
const REASON_WEIGHTS: Record<string, number> = {
  token_expired: 20, bad_signature: 14, jti_replayed: 10, token_too_old: 9, key_expired: 8, iat_in_future: 6,
  audience_mismatch: 5, issuer_mismatch: 4, missing_claim: 4, invalid_claim: 3, token_malformed: 3, key_mismatch: 3,
  alg_not_allowed: 2, user_suspended: 2, user_conflict: 2, token_missing: 2, key_required: 1, not_yet_valid: 1, exp_too_far: 1,
};
const REASON_POOL = Object.entries(REASON_WEIGHTS).flatMap(([reason, weight]) => Array<string>(weight).fill(reason));
// Reasons decided before the signature was checked: what the log shows of those tokens is unverified.
const UNVERIFIED_REASONS = ["token_malformed", "alg_not_allowed", "bad_signature", "token_missing"];

const SEED_SQL = `
WITH draws AS (
  SELECT floor(random() * 100)::int AS kind,
         floor(random() * 5000)::int AS u,
         -- one rejection in eight belongs to yesterday's token_expired spike (14:00 to 18:00 UTC)
         random() < 0.125 AS spike,
         $5::text[] AS unverified_reasons,
         $3::int AS n
    FROM generate_series(1, $3::int)
), shaped AS (
  SELECT d.*,
         CASE WHEN kind < 70 THEN 'sso.login.succeeded' WHEN kind < 95 THEN 'sso.redirect_flow.rejected' ELSE 'sso.logout' END AS event_type,
         CASE WHEN kind BETWEEN 70 AND 94 AND spike THEN 'token_expired'
              WHEN kind BETWEEN 70 AND 94 THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] END AS reason,
         CASE WHEN kind BETWEEN 70 AND 94 AND spike
              THEN date_trunc('day', $2::timestamptz, 'UTC') - interval '10 hours' + random() * interval '4 hours'
              ELSE $2::timestamptz - random() * interval '30 days' END AS at
    FROM draws d
)
INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, external_id, jti, iss, aud,
                        client_ip, user_agent, request_id, repeat_count, details)
SELECT $1::uuid, at, event_type,
       (CASE WHEN reason IS NOT NULL THEN 'rejected' WHEN event_type = 'sso.logout' THEN 'info' ELSE 'success' END)::"EventOutcome",
       reason,
       'customer' || u || '@example.com',
       CASE WHEN u % 5 < 3 THEN 'ext-' || u END,
       CASE WHEN event_type <> 'sso.logout' THEN replace(gen_random_uuid()::text, '-', '') END,
       CASE WHEN event_type <> 'sso.logout' THEN 'https://app.example.com' END,
       NULL,
       '198.51.100.' || (u % 250),
       (ARRAY['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
              'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'])[1 + u % 3],
       gen_random_uuid()::text,
       CASE WHEN reason IS NOT NULL AND random() < 0.03 THEN 2 + floor(random() * 500)::int ELSE 1 END,
       CASE
         WHEN reason IS NULL THEN jsonb_build_object('iat', extract(epoch FROM at)::bigint - 2, 'exp', extract(epoch FROM at)::bigint + 298)
         ELSE jsonb_strip_nulls(jsonb_build_object(
           'verified', NOT (reason = ANY(unverified_reasons)),
           'header', jsonb_build_object('alg', CASE WHEN reason = 'alg_not_allowed' THEN 'none' ELSE 'HS256' END, 'typ', 'JWT'),
           'iat', CASE WHEN reason = 'iat_in_future' THEN extract(epoch FROM at)::bigint + 95
                       WHEN reason IN ('token_expired', 'token_too_old') THEN extract(epoch FROM at)::bigint - 900
                       ELSE extract(epoch FROM at)::bigint - 2 END,
           'exp', CASE WHEN reason = 'token_expired' THEN extract(epoch FROM at)::bigint - 600
                       ELSE extract(epoch FROM at)::bigint + 298 END,
           'claim', CASE WHEN reason = 'missing_claim' THEN 'email' WHEN reason = 'invalid_claim' THEN 'iat' END,
           'detail', CASE WHEN reason = 'iat_in_future' THEN 'iat is 95 s ahead of our clock'
                          WHEN reason = 'token_expired' THEN 'expired 600 s ago'
                          WHEN reason = 'token_too_old' THEN 'issued 900 s ago; Token TTL is 300 s' END))
       END
  FROM shaped`;

const { values } = parseArgs({
  options: { tenant: { type: "string", default: "acme" }, count: { type: "string", default: "100000" } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
  console.error("seed:events: --count must be a whole number from 1 to 10,000,000.");
  process.exit(2);
}

const database = await connectOrStartEmbedded(env.DATABASE_URL, env.DATA_DIR, env.EMBEDDED_DB_PORT);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM tenants WHERE subdomain = $1`, [values.tenant]);
  const tenantId = rows[0]?.id;
  if (!tenantId) throw new Error(`no tenant with the subdomain "${values.tenant}" (run npm run db:seed for the demo tenant acme).`);

  const started = Date.now();
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    await client.query(SEED_SQL, [tenantId, new Date(), size, REASON_POOL, UNVERIFIED_REASONS]);
    process.stdout.write(`\rseed:events: ${(done + size).toLocaleString("en")} of ${count.toLocaleString("en")} events`);
  }
  await client.query("ANALYZE sso_events");
  console.log(`\nseed:events: done in ${((Date.now() - started) / 1000).toFixed(1)} s for tenant ${values.tenant}.`);
} catch (error) {
  console.error(`\nseed:events: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
  await database.stop();
}
