import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { findSsoSettings, readSharedSecret, storeSharedSecret } from "./sso-config";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
const tenantA = randomUUID();
const tenantB = randomUUID();

beforeAll(async () => {
  await sql.connect();
  for (const id of [tenantA, tenantB]) {
    await insertTenant(sql, "sso", id);
  }
});
afterAll(() => sql.end());

describe("SSO secret storage", () => {
  it("stores the shared secret only as ciphertext and reads it back for its own tenant", async () => {
    const secret = randomBytes(48).toString("base64");
    await storeSharedSecret(tenantA, secret, { now: new Date("2026-01-02T03:04:05Z") });

    const { rows } = await sql.query(`SELECT secret_ciphertext FROM sso_configs WHERE tenant_id = $1`, [tenantA]);
    expect(rows[0].secret_ciphertext).toMatch(/^v1\./);
    expect(rows[0].secret_ciphertext).not.toContain(secret);
    expect(await readSharedSecret(tenantA)).toBe(secret);
    expect(await readSharedSecret(tenantB)).toBeNull();
  });

  it("never returns the ciphertext from an ordinary query or the settings read", async () => {
    const row = await getDb().ssoConfig.findUniqueOrThrow({ where: { tenantId: tenantA } });
    expect(row).not.toHaveProperty("secretCiphertext");
    const settings = await findSsoSettings(tenantA);
    expect(settings).toMatchObject({ hasSecret: true, tokenTtlSeconds: 300, clockSkewSeconds: 60, enabled: false });
    expect(JSON.stringify(settings)).not.toContain("v1.");
  });

  it("refuses a ciphertext copied into another tenant's row", async () => {
    await sql.query(
      `INSERT INTO sso_configs (tenant_id, secret_ciphertext, updated_at) SELECT $2, secret_ciphertext, now() FROM sso_configs WHERE tenant_id = $1`,
      [tenantA, tenantB],
    );
    await expect(readSharedSecret(tenantB)).rejects.toThrow(/could not be decrypted/);
  });

  it("replaces the secret on regeneration", async () => {
    await storeSharedSecret(tenantA, "first-secret-0123456789-0123456789-abcd");
    await storeSharedSecret(tenantA, "second-secret-0123456789-0123456789-abcd");
    expect(await readSharedSecret(tenantA)).toBe("second-secret-0123456789-0123456789-abcd");
  });
});
