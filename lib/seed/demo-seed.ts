// Idempotent demo data for `npm start`: creates what is missing and never overwrites what a
// person may have changed (an existing user, tenant or its content is left exactly as it is).
import { hashPassword } from "@/lib/auth/password";
import { secretEncryptionKey } from "@/lib/crypto/encryption-key";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { isUniqueViolation } from "@/lib/data/unique-violation";
import { generateSharedSecret } from "@/lib/sso/mint-token";
import type { Db } from "@/lib/prisma-client";
import { DEMO_CATEGORIES } from "./demo-content";

export const DEMO_OWNER = { email: "owner@acme.test", name: "Ada Owner", password: "gatehouse-demo" } as const;
export const DEMO_TENANT = { subdomain: "acme", name: "Acme Help Center" } as const;
/** The demo "Acme app" sign-in page Gatehouse serves itself (app/demo/login). */
export const DEMO_LOGIN_PATH = "/demo/login";

export function demoLoginUrl(appUrl: string): string {
  return new URL(DEMO_LOGIN_PATH, appUrl).href;
}

export interface SeedReport {
  createdOwner: boolean;
  createdTenant: boolean;
  /** the demo tenant's Login URL, moved to where this app now serves /demo/login */
  movedLoginUrl?: { from: string; to: string };
}

/**
 * The demo Login URL to use instead of `current`, or null to leave it. Only our own demo page on
 * this app's host name at another origin moves (the app now runs on another port or scheme);
 * any other Login URL is a person's choice and stays.
 */
export function movedDemoLoginUrl(current: string | null, appUrl: string): string | null {
  if (!current) return null;
  let url: URL;
  try {
    url = new URL(current);
  } catch {
    return null;
  }
  const app = new URL(appUrl);
  if (url.pathname !== DEMO_LOGIN_PATH || url.search || url.hash || url.hostname !== app.hostname) return null;
  const wanted = demoLoginUrl(appUrl);
  return url.href === wanted ? null : wanted;
}


/**
 * @param appUrl APP_URL: the demo tenant's Login URL is this app's own /demo/login, so the whole
 * sign-in flow works with nothing else running.
 */
export async function seedDemo(db: Db, appUrl: string): Promise<SeedReport> {
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

  const existingTenant = await db.tenant.findUnique({ where: { subdomain: DEMO_TENANT.subdomain }, select: { id: true, ssoConfig: { select: { loginUrl: true } } } });
  if (existingTenant) {
    // Started before on another port: the demo's sign-in would send browsers where nothing listens.
    const from = existingTenant.ssoConfig?.loginUrl ?? null;
    const to = movedDemoLoginUrl(from, appUrl);
    if (from && to) {
      const moved = await db.ssoConfig.updateMany({ where: { tenantId: existingTenant.id, loginUrl: from }, data: { loginUrl: to } });
      if (moved.count === 1) report.movedLoginUrl = { from, to };
    }
    return report;
  }

  try {
    await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: {
          subdomain: DEMO_TENANT.subdomain,
          name: DEMO_TENANT.name,
          visibility: "private",
          memberships: { create: { userId: owner.id, role: "owner" } },
        },
      });
      // Private, with JWT SSO against the demo Login URL; the secret is encrypted like any other.
      await tx.ssoConfig.create({
        data: {
          tenantId: tenant.id,
          enabled: true,
          loginUrl: demoLoginUrl(appUrl),
          secretCiphertext: encryptSecret(generateSharedSecret(), secretEncryptionKey(), tenant.id),
          secretCreatedAt: new Date(),
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
