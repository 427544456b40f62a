// The group visibility rule is written twice in content.ts: as a Prisma filter for the help-center
// pages and as SQL for the widget and read API. Both must show every reader the same articles.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { findArticle, findCategory, findVisibleArticleById, listCategoriesWithArticles, listVisibleArticles } from "./content";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

const ARTICLES: { slug: string; groups: string[]; published: boolean }[] = [
  { slug: "open", groups: [], published: true },
  { slug: "beta", groups: ["beta"], published: true },
  { slug: "beta-or-staff", groups: ["beta", "staff"], published: true },
  { slug: "case", groups: ["Beta"], published: true },
  { slug: "draft", groups: [], published: false },
  { slug: "draft-beta", groups: ["beta"], published: false },
];

let tenantId: string;
const idOf: Record<string, string> = {};

beforeAll(async () => {
  tenantId = randomUUID();
  await insertTenant(sql, "visibility", tenantId);
  const categoryId = randomUUID();
  await sql.query(`INSERT INTO categories (id, tenant_id, title, slug, position, updated_at) VALUES ($1, $2, 'All', 'all', 0, now())`, [categoryId, tenantId]);
  for (const { slug, groups, published } of ARTICLES) {
    idOf[slug] = randomUUID();
    await sql.query(
      `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, required_groups, published, updated_at) VALUES ($1, $2, $3, $4, $4, 'Body', $5, $6, now())`,
      [idOf[slug], tenantId, categoryId, slug, groups, published],
    );
  }
});

describe("who sees which article: the pages' rule and the APIs' rule agree", () => {
  it.each([
    [[], ["open"]],
    [["beta"], ["beta", "beta-or-staff", "open"]],
    [["staff"], ["beta-or-staff", "open"]],
    [["Beta"], ["case", "open"]], // groups compare exactly, case included
    [["other", "staff"], ["beta-or-staff", "open"]],
  ])("groups %j see %j", async (groups, expected) => {
    const pagesList = (await listCategoriesWithArticles(tenantId, groups)).flatMap((category) => category.articles.map((a) => a.slug));
    const pagesCategory = (await findCategory(tenantId, "all", groups))!.articles.map((a) => a.slug);
    const pagesOneByOne = [];
    for (const { slug } of ARTICLES) if (await findArticle(tenantId, slug, groups)) pagesOneByOne.push(slug);

    const apiList = (await listVisibleArticles(tenantId, groups, { categoryId: null, after: null, limit: 100 })).map((a) => a.slug);
    const apiOneByOne = [];
    for (const { slug } of ARTICLES) if (await findVisibleArticleById(tenantId, groups, idOf[slug]!)) apiOneByOne.push(slug);

    for (const seen of [pagesList, pagesCategory, pagesOneByOne, apiList, apiOneByOne]) expect(seen.toSorted()).toEqual(expected);
  });
});
