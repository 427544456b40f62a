import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { WINDOW_SECONDS } from "@/lib/auth/throttle-policy";
import { purgeExpiredSignInState } from "./sign-in-housekeeping";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

describe("purgeExpiredSignInState", () => {
  it("deletes only what is due, and is safe to run from several instances at once", async () => {
    const tenant = randomUUID();
    const user = randomUUID();
    await insertTenant(sql, "purge", tenant);
    await sql.query(`INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, 'p@example.com', 'P', now())`, [user, tenant]);
    const hours = (h: number) => new Date(Date.now() + h * 3600_000);
    await sql.query(`INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES ($1, 'past', $2), ($1, 'future', $3)`, [tenant, hours(-1), hours(1)]);
    await sql.query(
      `INSERT INTO redirect_keys (id, tenant_id, key_hash, browser_binding, expires_at) VALUES (gen_random_uuid(), $1, $2, 'b', $3), (gen_random_uuid(), $1, $4, 'b', $5)`,
      [tenant, randomUUID(), hours(-30), randomUUID(), hours(-1)],
    );
    await sql.query(
      `INSERT INTO end_user_sessions (id, tenant_id, end_user_id, token_hash, expires_at, revoked_at) VALUES
         (gen_random_uuid(), $1, $2, $3, $4, NULL), (gen_random_uuid(), $1, $2, $5, $6, $7), (gen_random_uuid(), $1, $2, $8, $6, NULL)`,
      [tenant, user, randomUUID(), hours(-30), randomUUID(), hours(5), hours(-30), randomUUID()],
    );

    const reports = await Promise.all([purgeExpiredSignInState(getDb()), purgeExpiredSignInState(getDb())]);
    const total = (key: keyof (typeof reports)[number]) => reports.reduce((sum, report) => sum + report[key], 0);
    expect(total("usedTokenIds")).toBeGreaterThanOrEqual(1);

    const left = async (table: string) => (await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant])).rows[0].n;
    expect(await left("used_token_ids")).toBe(1); // the future one
    expect(await left("redirect_keys")).toBe(1); // expired an hour ago: kept for a day
    expect(await left("end_user_sessions")).toBe(1); // the live, unrevoked one
  });
});

describe("event retention", () => {
  it("deletes only events older than their own tenant's retention", async () => {
    const [short, long] = [randomUUID(), randomUUID()];
    for (const [id, days] of [[short, 7], [long, 30]] as const) {
      await sql.query(`INSERT INTO tenants (id, name, subdomain, log_retention_days, updated_at) VALUES ($1, 'T', $2, $3, now())`, [id, `ret-${randomBytes(4).toString("hex")}`, days]);
    }
    const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3600_000);
    for (const id of [short, long]) {
      for (const age of [1, 8, 31]) {
        await sql.query(`INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, request_id) VALUES ($1, $2, 'sso.logout', 'info', $3)`, [id, daysAgo(age), `age-${age}`]);
      }
    }
    await Promise.all([purgeExpiredSignInState(getDb()), purgeExpiredSignInState(getDb())]);
    const left = async (id: string) => (await sql.query(`SELECT request_id FROM sso_events WHERE tenant_id = $1 ORDER BY occurred_at DESC`, [id])).rows.map((r) => r.request_id);
    expect(await left(short)).toEqual(["age-1"]);
    expect(await left(long)).toEqual(["age-1", "age-8"]);
  });
});

describe("dashboard sign-in counts", () => {
  it("deletes counts whose window has ended, keeping a trusted browser's for as long as its cookie lasts", async () => {
    const id = randomBytes(6).toString("hex");
    const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
    const rows: [string, Date][] = [
      [`account:ended-${id}@example.com`, ago(WINDOW_SECONDS.account + 60)],
      [`account:current-${id}@example.com`, ago(60)],
      [`ip:ended-${id}`, ago(WINDOW_SECONDS.ip + 60)],
      [`sign-up:ended-${id}`, ago(WINDOW_SECONDS.account + 60)],
      [`browser:spent-a-day-ago-${id}`, ago(24 * 3600)],
      [`browser:ended-${id}`, ago(WINDOW_SECONDS.browser + 60)],
    ];
    for (const [key, windowStart] of rows) {
      await sql.query(`INSERT INTO auth_throttles (key, window_start, failures) VALUES ($1, $2, 6)`, [key, windowStart]);
    }
    await Promise.all([purgeExpiredSignInState(getDb()), purgeExpiredSignInState(getDb())]);
    const left = (await sql.query(`SELECT key FROM auth_throttles WHERE key LIKE $1 ORDER BY key`, [`%${id}%`])).rows.map((row) => row.key);
    expect(left).toEqual([`account:current-${id}@example.com`, `browser:spent-a-day-ago-${id}`]);
  });
});
