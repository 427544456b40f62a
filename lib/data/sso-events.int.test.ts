// Flood control of rejection events: bounded rows, exact totals, even under concurrency.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { MAX_REJECTION_ROWS_PER_SECOND, recordSsoEvent, type SsoEventInput } from "./sso-events";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function newTenant(): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO tenants (id, name, subdomain, updated_at) VALUES ($1, 'T', $2, now())`, [id, `flood-${randomBytes(4).toString("hex")}`]);
  return id;
}

const rejection = (reasonCode: string, clientIp: string): SsoEventInput => ({
  eventType: "sso.redirect_flow.rejected",
  outcome: "rejected",
  reasonCode,
  clientIp,
  requestId: randomUUID(),
});

async function totals(tenantId: string) {
  const { rows } = await sql.query(
    `SELECT reason_code, client_ip, count(*)::int AS rows, sum(repeat_count)::int AS total FROM sso_events WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [tenantId],
  );
  return rows;
}

describe("flood control", () => {
  it("writes at most five rows a second per reason and IP, and counts every request exactly under concurrency", async () => {
    const tenantId = await newTenant();
    const now = new Date();
    await Promise.all(Array.from({ length: 60 }, () => recordSsoEvent(tenantId, rejection("bad_signature", "203.0.113.9"), now)));
    expect(await totals(tenantId)).toEqual([{ reason_code: "bad_signature", client_ip: "203.0.113.9", rows: MAX_REJECTION_ROWS_PER_SECOND, total: 60 }]);
  });

  it("keeps reasons, IPs and seconds apart, and never folds successful sign-ins", async () => {
    const tenantId = await newTenant();
    const t0 = new Date();
    for (let i = 0; i < 7; i += 1) await recordSsoEvent(tenantId, rejection("token_expired", "198.51.100.1"), t0);
    for (let i = 0; i < 7; i += 1) await recordSsoEvent(tenantId, rejection("token_expired", "198.51.100.2"), t0);
    for (let i = 0; i < 2; i += 1) await recordSsoEvent(tenantId, rejection("bad_signature", "198.51.100.1"), t0);
    // A second later the window has moved on: new rows again.
    const t1 = new Date(t0.getTime() + 1500);
    for (let i = 0; i < 3; i += 1) await recordSsoEvent(tenantId, rejection("token_expired", "198.51.100.1"), t1);
    for (let i = 0; i < 8; i += 1) {
      await recordSsoEvent(tenantId, { eventType: "sso.login.succeeded", outcome: "success", email: `u${i}@example.com`, clientIp: "198.51.100.1" }, t0);
    }
    expect(await totals(tenantId)).toEqual([
      { reason_code: "bad_signature", client_ip: "198.51.100.1", rows: 2, total: 2 },
      { reason_code: "token_expired", client_ip: "198.51.100.1", rows: 8, total: 10 },
      { reason_code: "token_expired", client_ip: "198.51.100.2", rows: 5, total: 7 },
      { reason_code: null, client_ip: "198.51.100.1", rows: 8, total: 8 },
    ]);
  });
});

describe("searchSsoEvents", () => {
  it("pages newest first by keyset, stable when new events arrive, filtered, and never across tenants", async () => {
    const { searchSsoEvents } = await import("./sso-events");
    const tenantId = await newTenant();
    const other = await newTenant();
    const base = Date.now() - 60_000;
    for (let i = 0; i < 7; i += 1) {
      await sql.query(
        `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, request_id) VALUES ($1, $2, 'sso.redirect_flow.rejected', 'rejected', $3, $4, $5)`,
        [tenantId, new Date(base + i * 1000), i % 2 ? "bad_signature" : "token_expired", `user${i}@example.com`, `req-${i}`],
      );
    }
    await sql.query(`INSERT INTO sso_events (tenant_id, event_type, outcome, reason_code, email) VALUES ($1, 'sso.redirect_flow.rejected', 'rejected', 'bad_signature', 'user1@example.com')`, [other]);

    const first = await searchSsoEvents(tenantId, {}, 3);
    expect(first.events.map((e) => e.requestId)).toEqual(["req-6", "req-5", "req-4"]);
    // A new event arrives: the next page is unaffected.
    await sql.query(`INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, request_id) VALUES ($1, now(), 'sso.logout', 'info', 'req-new')`, [tenantId]);
    const second = await searchSsoEvents(tenantId, { cursor: first.next! }, 3);
    expect(second.events.map((e) => e.requestId)).toEqual(["req-3", "req-2", "req-1"]);
    const third = await searchSsoEvents(tenantId, { cursor: second.next! }, 3);
    expect(third.events.map((e) => e.requestId)).toEqual(["req-0"]);
    expect(third.next).toBeNull();

    expect((await searchSsoEvents(tenantId, { reason: "bad_signature" })).events.map((e) => e.requestId)).toEqual(["req-5", "req-3", "req-1"]);
    expect((await searchSsoEvents(tenantId, { q: "USER1@example.com" })).events.map((e) => e.requestId)).toEqual(["req-1"]);
    expect((await searchSsoEvents(tenantId, { q: "req-4" })).events).toHaveLength(1);
    expect((await searchSsoEvents(other, {})).events).toHaveLength(1);
  });
});
