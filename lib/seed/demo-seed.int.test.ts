import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { createSiblingScratchDatabase, type ScratchDatabase } from "@/test/support/scratch-database";
import { DEMO_CATEGORIES } from "./demo-content";
import { DEMO_OWNER, DEMO_TENANT, movedDemoLoginUrl, seedDemo } from "./demo-seed";

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

  it("moves the demo Login URL to the port the app now serves, and leaves a Login URL a person set", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { subdomain: DEMO_TENANT.subdomain } });
    const loginUrl = async () => (await db.ssoConfig.findUniqueOrThrow({ where: { tenantId: tenant.id } })).loginUrl;

    const report = await seedDemo(db, "http://localhost:3300");
    expect(report.movedLoginUrl).toEqual({ from: "http://localhost:3000/demo/login", to: "http://localhost:3300/demo/login" });
    expect(await loginUrl()).toBe("http://localhost:3300/demo/login");
    expect((await seedDemo(db, "http://localhost:3300")).movedLoginUrl).toBeUndefined();

    await db.ssoConfig.update({ where: { tenantId: tenant.id }, data: { loginUrl: "https://app.acme.example/sso" } });
    expect((await seedDemo(db, APP_URL)).movedLoginUrl).toBeUndefined();
    expect(await loginUrl()).toBe("https://app.acme.example/sso");
  });
});

describe("movedDemoLoginUrl", () => {
  it.each([
    ["http://localhost:3000/demo/login", "http://localhost:4000", "http://localhost:4000/demo/login"],
    ["http://localhost:3000/demo/login", "https://localhost", "https://localhost/demo/login"],
    ["http://localhost:3000/demo/login", "http://localhost:3000", null],
    ["http://localhost:3000/demo/login?next=1", "http://localhost:4000", null],
    ["http://localhost:3000/other", "http://localhost:4000", null],
    ["https://app.example.com/demo/login", "http://localhost:4000", null],
    ["not a url", "http://localhost:4000", null],
    [null, "http://localhost:4000", null],
  ])("%s with APP_URL %s → %s", (current, appUrl, expected) => {
    expect(movedDemoLoginUrl(current, appUrl)).toBe(expected);
  });
});
