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

// UX review: the home page listed every category, so a reader got cards with nothing under them and
// links to empty pages. A category is listed only while it holds an article this reader may see.
describe("the home page's categories: only those with an article this reader may see", () => {
  let homeTenantId: string;
  const categoryIdOf: Record<string, string> = {};

  async function addArticle(category: string, slug: string, groups: string[], published: boolean) {
    await sql.query(
      `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, required_groups, published, updated_at) VALUES ($1, $2, $3, $4, $4, 'Body', $5, $6, now())`,
      [randomUUID(), homeTenantId, categoryIdOf[category], slug, groups, published],
    );
  }

  beforeAll(async () => {
    homeTenantId = await insertTenant(sql, "home-categories");
    for (const [position, slug] of ["open", "drafts-only", "insiders-only", "empty"].entries()) {
      categoryIdOf[slug] = randomUUID();
      await sql.query(`INSERT INTO categories (id, tenant_id, title, slug, position, updated_at) VALUES ($1, $2, $3, $3, $4, now())`, [
        categoryIdOf[slug], homeTenantId, slug, position,
      ]);
    }
    await addArticle("open", "welcome", [], true);
    await addArticle("drafts-only", "coming-soon", [], false);
    await addArticle("drafts-only", "coming-later", ["insiders"], false);
    await addArticle("insiders-only", "insider-preview", ["insiders"], true);
  });

  const listed = async (groups: string[]) => (await listCategoriesWithArticles(homeTenantId, groups)).map((category) => category.slug);

  it("a category of drafts only, or of articles for other groups only, is left out; an empty one too", async () => {
    expect(await listed([])).toEqual(["open"]);
    expect(await listed(["staff"])).toEqual(["open"]);
  });

  it("a reader in the group gets the group's category, with its article", async () => {
    expect(await listed(["insiders"])).toEqual(["open", "insiders-only"]);
    const insiders = (await listCategoriesWithArticles(homeTenantId, ["insiders"])).find((category) => category.slug === "insiders-only")!;
    expect(insiders.articles.map((a) => a.slug)).toEqual(["insider-preview"]);
  });

  it("the category page of a hidden category still answers, with no articles (it says so)", async () => {
    for (const slug of ["drafts-only", "insiders-only", "empty"]) expect((await findCategory(homeTenantId, slug, []))?.articles).toEqual([]);
  });

  it("once a draft is published, its category is listed for whoever may see that article", async () => {
    await sql.query(`UPDATE articles SET published = true WHERE tenant_id = $1 AND slug = 'coming-soon'`, [homeTenantId]);
    expect(await listed([])).toEqual(["open", "drafts-only"]);
    await sql.query(`UPDATE articles SET published = true WHERE tenant_id = $1 AND slug = 'coming-later'`, [homeTenantId]);
    const forInsiders = (await listCategoriesWithArticles(homeTenantId, ["insiders"])).find((category) => category.slug === "drafts-only")!;
    expect(forInsiders.articles.map((a) => a.slug)).toEqual(["coming-later", "coming-soon"]);
  });
});
