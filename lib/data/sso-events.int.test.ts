// Flood control of rejection events: bounded rows, exact totals, even under concurrency.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { MAX_REJECTION_ROWS_PER_SECOND, recordSsoEvent, type SsoEventInput } from "./sso-events";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function newTenant(): Promise<string> {
  return insertTenant(sql, "flood");
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
