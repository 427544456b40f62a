import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { findSsoSettings, readTokenSetupWithSecret, saveAllowedDomains, saveJwtSettings, storeSharedSecret } from "./sso-config";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
const tenantA = randomUUID();
const tenantB = randomUUID();
const fresh = randomUUID();

beforeAll(async () => {
  await sql.connect();
  for (const id of [tenantA, tenantB, fresh]) {
    await insertTenant(sql, "dom", id);
  }
});
afterAll(() => sql.end());

async function versionOf(tenantId: string): Promise<bigint> {
  const { rows } = await sql.query(`SELECT config_version FROM sso_configs WHERE tenant_id = $1`, [tenantId]);
  return BigInt(rows[0].config_version);
}

describe("saveAllowedDomains", () => {
  it("creates the configuration row when there is none, and reports both fields changed, with nothing before", async () => {
    expect(await saveAllowedDomains(fresh, { allowedDomains: ["app.example.com"], restrictSignInOrigins: false })).toEqual({
      changed: ["allowedDomains", "restrictSignInOrigins"],
      previous: {},
    });
    expect(await findSsoSettings(fresh)).toMatchObject({ allowedDomains: ["app.example.com"], restrictSignInOrigins: false, enabled: false });
  });

  it("saves the list in order and the restriction, for its own tenant only; findSsoSettings reads both", async () => {
    await saveJwtSettings(tenantB, { loginUrl: "https://b.example/login", logoutUrl: null, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 60, requireRedirectKey: false, sessionLifetimeSeconds: 43200 });
    await saveAllowedDomains(tenantA, { allowedDomains: [], restrictSignInOrigins: false });

    const saved = await saveAllowedDomains(tenantA, { allowedDomains: ["app.example.com", "*.example.org"], restrictSignInOrigins: true });
    expect(saved).toEqual({ changed: ["allowedDomains", "restrictSignInOrigins"], previous: { allowedDomains: [], restrictSignInOrigins: false } });
    const { rows } = await sql.query(`SELECT allowed_domains, restrict_sign_in_origins FROM sso_configs WHERE tenant_id = $1`, [tenantA]);
    expect(rows[0]).toEqual({ allowed_domains: ["app.example.com", "*.example.org"], restrict_sign_in_origins: true });
    expect(await findSsoSettings(tenantA)).toMatchObject({ allowedDomains: ["app.example.com", "*.example.org"], restrictSignInOrigins: true });
    expect(await findSsoSettings(tenantB)).toMatchObject({ allowedDomains: [], restrictSignInOrigins: false, loginUrl: "https://b.example/login" });
  });

  it("reports only what changed and what it held, nothing for a repeat; a change bumps config_version (so cached sign-in settings reload)", async () => {
    const before = await versionOf(tenantA);
    expect(await saveAllowedDomains(tenantA, { allowedDomains: ["app.example.com", "*.example.org"], restrictSignInOrigins: true })).toEqual({ changed: [], previous: {} });
    expect(await saveAllowedDomains(tenantA, { allowedDomains: ["app.example.com", "*.example.org"], restrictSignInOrigins: false })).toEqual({
      changed: ["restrictSignInOrigins"],
      previous: { restrictSignInOrigins: true },
    });
    expect(await saveAllowedDomains(tenantA, { allowedDomains: ["*.example.org"], restrictSignInOrigins: false })).toEqual({
      changed: ["allowedDomains"],
      previous: { allowedDomains: ["app.example.com", "*.example.org"] },
    });
    expect(await versionOf(tenantA)).toBeGreaterThan(before);
  });
});

describe("readTokenSetupWithSecret", () => {
  it("returns the verification settings with the secret in the clear, for its own tenant; null without a row", async () => {
    const secret = randomBytes(48).toString("base64");
    await storeSharedSecret(tenantB, secret);
    expect(await readTokenSetupWithSecret(tenantB)).toEqual({
      enabled: false, secret, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 60, requireRedirectKey: false,
    });
    expect((await readTokenSetupWithSecret(tenantA))?.secret).toBeNull();
    expect(await readTokenSetupWithSecret(randomUUID())).toBeNull();
  });
});
