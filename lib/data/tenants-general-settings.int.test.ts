import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharesOneSession } from "@/lib/database-url";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { inAnotherTransaction, untilBlockedBy } from "@/test/support/lock-waits";
import { insertTenant } from "@/test/support/tenants";
import { updateGeneralSettings } from "./tenants";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
let tenantId: string;
let otherTenantId: string;

beforeAll(async () => {
  await sql.connect();
  tenantId = await insertTenant(sql, "general");
  otherTenantId = await insertTenant(sql, "general-other");
});
afterAll(() => sql.end());

async function stored(id: string) {
  const { rows } = await sql.query(`SELECT name, log_retention_days FROM tenants WHERE id = $1`, [id]);
  return rows[0];
}

describe("updateGeneralSettings", () => {
  it("saves the name and log retention of its own tenant, and reports what changed with what it held before", async () => {
    expect(await updateGeneralSettings(tenantId, { name: "Acme Help", logRetentionDays: 30 })).toEqual({ changed: ["name"], previous: { name: "T" } });
    expect(await updateGeneralSettings(tenantId, { name: "Acme Support", logRetentionDays: 7 })).toEqual({
      changed: ["name", "logRetentionDays"],
      previous: { name: "Acme Help", logRetentionDays: 30 },
    });
    expect(await stored(tenantId)).toEqual({ name: "Acme Support", log_retention_days: 7 });
    expect(await stored(otherTenantId)).toEqual({ name: "T", log_retention_days: 30 });
  });

  it("reports nothing and writes nothing for a save that changes nothing", async () => {
    const { rows: before } = await sql.query(`SELECT updated_at FROM tenants WHERE id = $1`, [tenantId]);
    expect(await updateGeneralSettings(tenantId, { name: "Acme Support", logRetentionDays: 7 })).toEqual({ changed: [], previous: {} });
    const { rows: after } = await sql.query(`SELECT updated_at FROM tenants WHERE id = $1`, [tenantId]);
    expect(after[0].updated_at).toEqual(before[0].updated_at);
  });

  // Row locks need sessions of their own: the embedded database serves every connection from one.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("gives two admins saving at once each the values their own save replaced", async () => {
    await updateGeneralSettings(tenantId, { name: "Start", logRetentionDays: 7 });
    // Both saves start while the row is held, so each has read (or tried to read) before either writes.
    await inAnotherTransaction(async (holder) => {
      await holder.query("SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE", [tenantId]);
      const saves = Promise.all([
        updateGeneralSettings(tenantId, { name: "First", logRetentionDays: 7 }),
        updateGeneralSettings(tenantId, { name: "Second", logRetentionDays: 7 }),
      ]);
      await untilBlockedBy(holder, 2);
      await holder.query("COMMIT");
      const [first, second] = await saves;
      // The save that landed last replaced the other's name, not "Start" a second time.
      const landedLast = (await stored(tenantId)).name === "First" ? first : second;
      const landedFirst = landedLast === first ? second : first;
      expect(landedFirst.previous).toEqual({ name: "Start" });
      expect(landedLast.previous).toEqual({ name: landedFirst === first ? "First" : "Second" });
    });
  });

  it("throws for a tenant that does not exist", async () => {
    await expect(updateGeneralSettings("00000000-0000-4000-8000-000000000000", { name: "X", logRetentionDays: 7 })).rejects.toThrow(/not found/);
  });
});
