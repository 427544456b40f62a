import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import {
  createArticle,
  createCategory,
  deleteArticle,
  deleteCategory,
  findArticleForEditing,
  findCategoryForEditing,
  listContentForEditing,
  updateArticle,
  updateCategory,
  type ArticleInput,
} from "./content-editing";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function newTenant(): Promise<string> {
  return insertTenant(sql, "content");
}

const category = (slug: string) => ({ title: `Category ${slug}`, slug, description: "", position: 0 });
const article = (categoryId: string, slug: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({
  categoryId,
  title: `Article ${slug}`,
  slug,
  body: "Hello",
  published: true,
  requiredGroups: [],
  ...extra,
});

async function created(result: Awaited<ReturnType<typeof createCategory>>): Promise<string> {
  if (!result.ok) throw new Error(`expected a new row, got ${result.reason}`);
  return result.id;
}

async function row(table: "articles" | "categories", id: string) {
  return (await sql.query(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0];
}

describe("content editing", () => {
  it("creates, reads back and updates an article with its required groups, naming the changed fields", async () => {
    const tenant = await newTenant();
    const categoryId = await created(await createCategory(tenant, category("guides")));
    const articleId = await created(await createArticle(tenant, article(categoryId, "beta-sync", { requiredGroups: ["beta"], published: false })));
    const stored = await findArticleForEditing(tenant, articleId);
    expect(stored).toMatchObject({ slug: "beta-sync", requiredGroups: ["beta"], published: false, categoryId });

    const result = await updateArticle(tenant, articleId, article(categoryId, "beta-sync", { requiredGroups: ["beta", "staff"], body: "New" }), stored!.updatedAt);
    expect(result).toEqual({ ok: true, changed: ["body", "published", "requiredGroups"] });
    expect((await row("articles", articleId)).required_groups).toEqual(["beta", "staff"]);
    const listed = await listContentForEditing(tenant);
    expect(listed.map((c) => [c.slug, c.articles.map((a) => a.slug)])).toEqual([["guides", ["beta-sync"]]]);
  });

  // The cross-tenant rule: tenant A's session with tenant B's ids must get "not found".
  it("never lets tenant A read, update or delete tenant B's category or article by id", async () => {
    const [tenantA, tenantB] = [await newTenant(), await newTenant()];
    const categoryA = await created(await createCategory(tenantA, category("mine")));
    const categoryB = await created(await createCategory(tenantB, category("theirs")));
    const articleB = await created(await createArticle(tenantB, article(categoryB, "secret-plan")));

    expect(await findCategoryForEditing(tenantA, categoryB)).toBeNull();
    expect(await findArticleForEditing(tenantA, articleB)).toBeNull();
    expect(await updateCategory(tenantA, categoryB, category("hijacked"))).toEqual({ ok: false, reason: "not_found" });
    expect(await updateArticle(tenantA, articleB, article(categoryA, "hijacked"))).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteArticle(tenantA, articleB)).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteCategory(tenantA, categoryB)).toEqual({ ok: false, reason: "not_found" });

    // Nor may A file an article under B's category, new or moved.
    expect(await createArticle(tenantA, article(categoryB, "sneaky"))).toEqual({ ok: false, reason: "category_not_found" });
    const articleA = await created(await createArticle(tenantA, article(categoryA, "own")));
    expect(await updateArticle(tenantA, articleA, article(categoryB, "own"))).toEqual({ ok: false, reason: "category_not_found" });

    expect(await row("categories", categoryB)).toMatchObject({ tenant_id: tenantB, slug: "theirs" });
    expect(await row("articles", articleB)).toMatchObject({ tenant_id: tenantB, slug: "secret-plan", category_id: categoryB });
    expect((await row("articles", articleA)).category_id).toBe(categoryA);
  });

  it("treats ids that are not UUIDs as not found instead of failing", async () => {
    const tenant = await newTenant();
    expect(await findCategoryForEditing(tenant, "../etc")).toBeNull();
    expect(await findArticleForEditing(tenant, "1 OR 1=1")).toBeNull();
    expect(await deleteArticle(tenant, "nope")).toEqual({ ok: false, reason: "not_found" });
    expect(await createArticle(tenant, article("nope", "x"))).toEqual({ ok: false, reason: "category_not_found" });
  });

  it("reports a slug already used in the tenant as slug_taken, while another tenant may use it", async () => {
    const [tenant, other] = [await newTenant(), await newTenant()];
    const categoryId = await created(await createCategory(tenant, category("billing")));
    expect(await createCategory(tenant, category("billing"))).toEqual({ ok: false, reason: "slug_taken" });
    expect((await createCategory(other, category("billing"))).ok).toBe(true);
    const second = await created(await createCategory(tenant, category("account")));
    expect(await updateCategory(tenant, second, category("billing"))).toEqual({ ok: false, reason: "slug_taken" });

    await created(await createArticle(tenant, article(categoryId, "refunds")));
    expect(await createArticle(tenant, article(categoryId, "refunds"))).toEqual({ ok: false, reason: "slug_taken" });
    const another = await created(await createArticle(tenant, article(categoryId, "invoices")));
    expect(await updateArticle(tenant, another, article(categoryId, "refunds"))).toEqual({ ok: false, reason: "slug_taken" });
    expect((await row("articles", another)).slug).toBe("invoices");
  });

  it("refuses to delete a category that still has articles, and deletes it once empty", async () => {
    const tenant = await newTenant();
    const categoryId = await created(await createCategory(tenant, category("faq")));
    const articleIds = [await created(await createArticle(tenant, article(categoryId, "one"))), await created(await createArticle(tenant, article(categoryId, "two")))];

    expect(await deleteCategory(tenant, categoryId)).toEqual({ ok: false, reason: "has_articles", articleCount: 2 });
    expect(await row("categories", categoryId)).toBeDefined();
    for (const id of articleIds) expect((await deleteArticle(tenant, id)).ok).toBe(true);
    expect(await deleteCategory(tenant, categoryId)).toEqual({ ok: true, title: "Category faq", slug: "faq" });
    expect(await row("categories", categoryId)).toBeUndefined();
  });

  it("refuses a save based on an older version, so a colleague's edit is not overwritten", async () => {
    const tenant = await newTenant();
    const categoryId = await created(await createCategory(tenant, category("news")));
    const articleId = await created(await createArticle(tenant, article(categoryId, "launch")));
    const opened = (await findArticleForEditing(tenant, articleId))!.updatedAt;
    const openedCategory = (await findCategoryForEditing(tenant, categoryId))!.updatedAt;

    expect((await updateArticle(tenant, articleId, article(categoryId, "launch", { body: "Colleague's text" }), opened)).ok).toBe(true);
    expect(await updateArticle(tenant, articleId, article(categoryId, "launch", { body: "Mine" }), opened)).toEqual({ ok: false, reason: "changed_elsewhere" });
    expect((await row("articles", articleId)).body).toBe("Colleague's text");

    expect((await updateCategory(tenant, categoryId, { ...category("news"), title: "News" }, openedCategory)).ok).toBe(true);
    expect(await updateCategory(tenant, categoryId, { ...category("news"), title: "Mine" }, openedCategory)).toEqual({ ok: false, reason: "changed_elsewhere" });
  });

  it("says nothing changed when the form is saved as it was", async () => {
    const tenant = await newTenant();
    const categoryId = await created(await createCategory(tenant, category("same")));
    const articleId = await created(await createArticle(tenant, article(categoryId, "same")));
    expect(await updateArticle(tenant, articleId, article(categoryId, "same"))).toEqual({ ok: true, changed: [] });
    expect(await updateCategory(tenant, categoryId, category("same"))).toEqual({ ok: true, changed: [] });
  });
});
