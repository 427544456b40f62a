import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { createSiblingScratchDatabase, type ScratchDatabase } from "@/test/support/scratch-database";
import { DEMO_CATEGORIES } from "./demo-content";
import { DEMO_OWNER, DEMO_TENANT, seedDemo } from "./demo-seed";

const APP_URL = "http://localhost:3000";
let database: ScratchDatabase;
let db: Db;

beforeAll(async () => {
  database = await createSiblingScratchDatabase();
  await applyMigrations(database.url, "prisma/migrations");
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("seedDemo", () => {
  it("creates the demo owner (argon2id) and the acme tenant with content, once, even when run concurrently", async () => {
    const reports = await Promise.all([seedDemo(db, APP_URL), seedDemo(db, APP_URL)]);
    expect(reports.filter((r) => r.createdTenant)).toHaveLength(1);

    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email }, include: { memberships: true } });
    expect(owner.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(owner.passwordHash, DEMO_OWNER.password)).toBe(true);

    const tenant = await db.tenant.findUniqueOrThrow({ where: { subdomain: DEMO_TENANT.subdomain }, include: { categories: true, articles: true } });
    expect(owner.memberships).toEqual([expect.objectContaining({ tenantId: tenant.id, role: "owner" })]);
    expect(tenant.categories.map((c) => c.slug).sort()).toEqual(DEMO_CATEGORIES.map((c) => c.slug).sort());
    expect(tenant.articles).toHaveLength(DEMO_CATEGORIES.flatMap((c) => c.articles).length);
    expect(await db.user.count()).toBe(1);

    // The demo is private and signs in through Gatehouse's own demo Login URL.
    expect(tenant.visibility).toBe("private");
    const sso = await db.ssoConfig.findUniqueOrThrow({ where: { tenantId: tenant.id }, omit: { secretCiphertext: false } });
    expect(sso).toMatchObject({ enabled: true, loginUrl: "http://localhost:3000/demo/login" });
    expect(sso.secretCiphertext).toMatch(/^v1\./);
  });

  it("never overwrites what a person changed, and does not recreate what they deleted", async () => {
    const tenant = await db.tenant.update({ where: { subdomain: DEMO_TENANT.subdomain }, data: { name: "Renamed by the owner" } });
    await db.user.update({ where: { email: DEMO_OWNER.email }, data: { name: "Changed Name" } });
    await db.article.deleteMany({ where: { tenantId: tenant.id, slug: "download-invoices" } });

    const report = await seedDemo(db, APP_URL);
    expect(report).toEqual({ createdOwner: false, createdTenant: false });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).name).toBe("Renamed by the owner");
    expect((await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } })).name).toBe("Changed Name");
    expect(await db.article.count({ where: { tenantId: tenant.id, slug: "download-invoices" } })).toBe(0);
  });
});
