// The audit trail's pages and export batches, against PostgreSQL: newest first, keyset-paged with
// no entry skipped or repeated (even many in one millisecond), filtered by area, one tenant only.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { listAuditEntries, streamAuditEntries } from "./audit";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function newTenant(): Promise<string> {
  return insertTenant(sql, "audit");
}

/** `count` entries of `action`, every `perMillisecond` of them sharing one occurred_at, newest first from `start`. */
async function seed(tenantId: string, action: string, count: number, start: Date, perMillisecond = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start.getTime() - Math.floor(i / perMillisecond));
    await sql.query(`INSERT INTO audit_entries (id, tenant_id, actor_email, action, details, occurred_at) VALUES (gen_random_uuid(), $1, 'a@example.com', $2, $3, $4)`, [
      tenantId, action, JSON.stringify({ n: i }), at,
    ]);
  }
}

describe("audit trail", () => {
  it("pages newest first by keyset: every entry once, even seven to a millisecond", async () => {
    const tenantId = await newTenant();
    await seed(tenantId, "content.article.updated", 23, new Date("2026-11-21T10:00:00.000Z"), 7);
    const seen: string[] = [];
    let page = await listAuditEntries(tenantId, {}, 5);
    let pages = 1;
    seen.push(...page.entries.map((entry) => entry.id));
    while (page.next) {
      page = await listAuditEntries(tenantId, { cursor: page.next }, 5);
      pages += 1;
      seen.push(...page.entries.map((entry) => entry.id));
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const { rows } = await sql.query(`SELECT id FROM audit_entries WHERE tenant_id = $1 ORDER BY occurred_at DESC, id DESC`, [tenantId]);
    expect(seen).toEqual(rows.map((row: { id: string }) => row.id));
  });

  it("says there is no next page when the last page is exactly full", async () => {
    const tenantId = await newTenant();
    await seed(tenantId, "sso.enabled", 4, new Date());
    const first = await listAuditEntries(tenantId, {}, 2);
    expect(first.next).not.toBeNull();
    const second = await listAuditEntries(tenantId, { cursor: first.next! }, 2);
    expect(second.entries).toHaveLength(2);
    expect(second.next).toBeNull();
  });

  it("filters by area, and never shows another tenant's entries", async () => {
    const tenantId = await newTenant();
    const other = await newTenant();
    const now = new Date();
    await seed(tenantId, "member.role_changed", 2, now);
    await seed(tenantId, "sso.secret.regenerated", 1, now);
    await seed(tenantId, "tenant.visibility.changed", 1, now);
    await seed(other, "member.removed", 3, now);
    const members = await listAuditEntries(tenantId, { area: "members" });
    expect(members.entries.map((entry) => entry.action)).toEqual(["member.role_changed", "member.role_changed"]);
    const sso = await listAuditEntries(tenantId, { area: "sso" });
    expect(sso.entries.map((entry) => entry.action).sort()).toEqual(["sso.secret.regenerated", "tenant.visibility.changed"]);
    expect((await listAuditEntries(tenantId)).entries).toHaveLength(4);
    expect((await listAuditEntries(tenantId, { area: "content" })).entries).toEqual([]);
  });

  it("streams every matching entry in batches for the export", async () => {
    const tenantId = await newTenant();
    await seed(tenantId, "content.category.created", 12, new Date(Date.now() - 60_000), 3);
    await seed(tenantId, "member.invited", 2, new Date());
    const batches: number[] = [];
    const ids = new Set<string>();
    for await (const batch of streamAuditEntries(tenantId, { area: "content" }, 5)) {
      batches.push(batch.length);
      for (const entry of batch) ids.add(entry.id);
    }
    expect(batches).toEqual([5, 5, 2]);
    expect(ids.size).toBe(12);
  });
});
