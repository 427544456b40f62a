// Idempotent demo data for `npm start`: creates what is missing and never overwrites what a
// person may have changed (an existing user, tenant or its content is left exactly as it is).
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/prisma-client";
import { DEMO_CATEGORIES } from "./demo-content";

export const DEMO_OWNER = { email: "owner@acme.test", name: "Ada Owner", password: "gatehouse-demo" } as const;
export const DEMO_TENANT = { subdomain: "acme", name: "Acme Help Center" } as const;

export interface SeedReport {
  createdOwner: boolean;
  createdTenant: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function seedDemo(db: Db): Promise<SeedReport> {
  const report: SeedReport = { createdOwner: false, createdTenant: false };

  let owner = await db.user.findUnique({ where: { email: DEMO_OWNER.email } });
  if (!owner) {
    try {
      owner = await db.user.create({
        data: { email: DEMO_OWNER.email, name: DEMO_OWNER.name, passwordHash: await hashPassword(DEMO_OWNER.password) },
      });
      report.createdOwner = true;
    } catch (error) {
      // Another instance seeded at the same moment: theirs stands.
      if (!isUniqueViolation(error)) throw error;
      owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
    }
  }

  const existingTenant = await db.tenant.findUnique({ where: { subdomain: DEMO_TENANT.subdomain }, select: { id: true } });
  if (existingTenant) return report;

  try {
    await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          subdomain: DEMO_TENANT.subdomain,
          name: DEMO_TENANT.name,
          memberships: { create: { userId: owner.id, role: "owner" } },
          ssoConfig: { create: {} },
        },
      });
      for (const [position, category] of DEMO_CATEGORIES.entries()) {
        const created = await tx.category.create({
          data: { tenantId: tenant.id, slug: category.slug, title: category.title, description: category.description, position },
        });
        await tx.article.createMany({
          data: category.articles.map((article) => ({ ...article, tenantId: tenant.id, categoryId: created.id })),
        });
      }
    });
    report.createdTenant = true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return report;
}
