import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { findTokenIdState } from "./used-token-ids";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
const tenantA = randomUUID();
const tenantB = randomUUID();

async function counts() {
  const { rows } = await sql.query(
    `SELECT (SELECT count(*) FROM used_token_ids)::int AS used, (SELECT count(*) FROM redirect_keys WHERE used_at IS NOT NULL)::int AS keys_used`,
  );
  return rows[0] as { used: number; keys_used: number };
}

async function addKey(tenantId: string, key: string, expiresAt: Date, usedAt: Date | null = null) {
  await sql.query(
    `INSERT INTO redirect_keys (id, tenant_id, key_hash, browser_binding, return_to, expires_at, used_at) VALUES ($1, $2, $3, $4, '/', $5, $6)`,
    [randomUUID(), tenantId, hashOpaqueToken(key), hashOpaqueToken("binding"), expiresAt, usedAt],
  );
}

beforeAll(async () => {
  await sql.connect();
  for (const id of [tenantA, tenantB]) {
    await insertTenant(sql, "jti", id);
  }
});
afterAll(() => sql.end());

describe("findTokenIdState (read-only, for the token tester)", () => {
  it("an unknown jti: not used, not a key", async () => {
    expect(await findTokenIdState(tenantA, "never-seen")).toEqual({ used: false, key: null });
  });

  it("a jti a sign-in spent is used, in its own tenant only", async () => {
    await sql.query(`INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES ($1, 'spent-1', now() + interval '10 minutes')`, [tenantA]);
    expect(await findTokenIdState(tenantA, "spent-1")).toEqual({ used: true, key: null });
    expect(await findTokenIdState(tenantB, "spent-1")).toEqual({ used: false, key: null });
  });

  it("an expired but not yet purged record still counts as used, as the sign-in's insert would", async () => {
    await sql.query(`INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES ($1, 'old-1', now() - interval '1 day')`, [tenantA]);
    expect((await findTokenIdState(tenantA, "old-1")).used).toBe(true);
  });

  it("finds a redirect key by the jti's hash, with its expiry and use, in its own tenant only", async () => {
    const expiresAt = new Date(Date.now() + 600_000);
    await addKey(tenantA, "key-fresh", expiresAt);
    const usedAt = new Date(Date.now() - 5_000);
    await addKey(tenantA, "key-used", expiresAt, usedAt);

    expect(await findTokenIdState(tenantA, "key-fresh")).toEqual({ used: false, key: { expiresAt, usedAt: null } });
    expect(await findTokenIdState(tenantA, "key-used")).toEqual({ used: false, key: { expiresAt, usedAt } });
    expect(await findTokenIdState(tenantB, "key-fresh")).toEqual({ used: false, key: null });
  });

  it("reading claims nothing: no jti recorded, no key marked used, however often it is asked", async () => {
    await addKey(tenantA, "key-read", new Date(Date.now() + 600_000));
    const before = await counts();
    for (let i = 0; i < 3; i += 1) {
      expect(await findTokenIdState(tenantA, "key-read")).toMatchObject({ used: false, key: { usedAt: null } });
      await findTokenIdState(tenantA, "brand-new-jti");
    }
    expect(await counts()).toEqual(before);
  });
});
