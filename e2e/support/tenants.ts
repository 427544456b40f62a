// Test tenants written straight into the run's database (plain SQL through pg, no app code), each
// with a unique subdomain so specs never depend on one another or on the demo seed.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";

export interface TestTenant {
  id: string;
  subdomain: string;
  name: string;
  /** http://<subdomain>.localhost:<port> */
  origin: string;
}

export interface TestArticle {
  slug: string;
  title: string;
  body: string;
}

export interface TestCategory {
  slug: string;
  title: string;
  description?: string;
  articles: TestArticle[];
}

function databaseUrl(): string {
  if (!env.TEST_DATABASE_URL) throw new Error("Run the end-to-end tests through `npm test` or `npm run test:e2e`.");
  return env.TEST_DATABASE_URL;
}

export async function createTenant(options: {
  prefix: string;
  visibility?: "public" | "private";
  categories?: TestCategory[];
}): Promise<TestTenant> {
  const subdomain = `${options.prefix}-${randomBytes(4).toString("hex")}`;
  const tenant: TestTenant = {
    id: randomUUID(),
    subdomain,
    name: `${options.prefix} help center`,
    origin: `http://${subdomain}.localhost:${env.E2E_PORT}`,
  };
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO tenants (id, name, subdomain, visibility, updated_at) VALUES ($1, $2, $3, $4, now())`, [
      tenant.id, tenant.name, subdomain, options.visibility ?? "public",
    ]);
    for (const [position, category] of (options.categories ?? []).entries()) {
      const categoryId = randomUUID();
      await client.query(
        `INSERT INTO categories (id, tenant_id, title, slug, description, position, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [categoryId, tenant.id, category.title, category.slug, category.description ?? "", position],
      );
      for (const article of category.articles) {
        await client.query(
          `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
          [randomUUID(), tenant.id, categoryId, article.title, article.slug, article.body],
        );
      }
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return tenant;
}
