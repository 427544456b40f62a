import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getArticle } from "@/app/api/v1/articles/[id]/route";
import { GET as listArticles } from "@/app/api/v1/articles/route";
import { GET as listCategories } from "@/app/api/v1/categories/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { bearer, call, createApiTenant, lastEvent, sql, widgetToken, writeCounts, type ApiTenant } from "./support/api-fixtures";

// The read API (/api/v1) with a widget token as the key: only what the token's holder may see,
// JSON, keyset-paginated, refusals logged like the widget's.

let tenant: ApiTenant;
let other: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
  other = await createApiTenant();
  // A second category, and enough open articles to page through.
  const second = randomUUID();
  await sql(`INSERT INTO categories (id, tenant_id, title, slug, position, updated_at) VALUES ($1, $2, 'More', 'more', 1, now())`, [second, tenant.id]);
  for (let i = 0; i < 3; i += 1) {
    await sql(
      `INSERT INTO articles (id, tenant_id, category_id, title, slug, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'Body', $6, now())`,
      [randomUUID(), tenant.id, second, `More ${i}`, `more-${i}`, `2026-02-0${i + 1}T00:00:00Z`],
    );
  }
});

const ids = (body: { data: { id: string }[] }) => body.data.map((item) => item.id);

describe("GET /api/v1/categories", () => {
  it("lists categories in order, counting only the articles the holder may see", async () => {
    const plain = await call(listCategories, tenant, "/api/v1/categories", { headers: bearer(await widgetToken(tenant)) });
    expect(plain.status).toBe(200);
    expect(plain.body!.data.map((c: { slug: string; article_count: number }) => [c.slug, c.article_count])).toEqual([["basics", 1], ["more", 3]]);
    expect(plain.body!.pagination).toEqual({ next_cursor: null });
    const beta = await call(listCategories, tenant, "/api/v1/categories", { headers: bearer(await widgetToken(tenant, { claims: { groups: ["beta"] } })) });
    expect(beta.body!.data[0].article_count).toBe(2);
  });

  it("leaves out categories with nothing the holder may see, as the help-center home does", async () => {
    const own = await createApiTenant();
    const category = async (title: string, slug: string, position: number) => {
      const id = randomUUID();
      await sql(`INSERT INTO categories (id, tenant_id, title, slug, position, updated_at) VALUES ($1, $2, $3, $4, $5, now())`, [id, own.id, title, slug, position]);
      return id;
    };
    // The beta article gets a category of its own; the draft another; one stays empty.
    await sql(`UPDATE articles SET category_id = $2 WHERE id = $1`, [own.articles.beta, await category("Beta programme", "beta-programme", 1)]);
    await sql(`UPDATE articles SET category_id = $2 WHERE id = $1`, [own.articles.draft, await category("Drafts only", "drafts-only", 2)]);
    await category("Coming soon", "coming-soon", 3);
    const listed = async (claims: Record<string, unknown>, query = "") => {
      const response = await call(listCategories, own, `/api/v1/categories${query}`, { headers: bearer(await widgetToken(own, { claims })) });
      expect(response.status).toBe(200);
      return response.body as { data: { slug: string; article_count: number }[]; pagination: { next_cursor: string | null } };
    };
    expect((await listed({})).data.map((c) => c.slug)).toEqual(["basics"]);
    // No page is left half-empty or points at a next page of hidden categories.
    expect((await listed({}, "?limit=1")).pagination.next_cursor).toBeNull();
    expect((await listed({ groups: ["beta"] })).data.map((c) => [c.slug, c.article_count])).toEqual([["basics", 1], ["beta-programme", 1]]);
  });

  it("pages with an opaque cursor, and refuses a made-up one", async () => {
    const token = await widgetToken(tenant);
    const first = await call(listCategories, tenant, "/api/v1/categories?limit=1", { headers: bearer(token) });
    expect(first.body!.data).toHaveLength(1);
    const cursor = first.body!.pagination.next_cursor as string;
    const second = await call(listCategories, tenant, `/api/v1/categories?limit=1&cursor=${cursor}`, { headers: bearer(token) });
    expect(second.body!.data[0].slug).toBe("more");
    expect(second.body!.pagination.next_cursor).toBeNull();
    const bad = await call(listCategories, tenant, "/api/v1/categories?cursor=abc", { headers: bearer(token) });
    expect(bad.status).toBe(400);
    expect(bad.body!.error.code).toBe("invalid_parameter");
  });
});

describe("GET /api/v1/articles", () => {
  it("pages through every visible article exactly once, oldest first, and writes nothing", async () => {
    const before = await writeCounts(tenant.id);
    const token = await widgetToken(tenant, { claims: { groups: ["beta"] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(listArticles, tenant, `/api/v1/articles?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { headers: bearer(token) });
      expect(page.status).toBe(200);
      seen.push(...ids(page.body as { data: { id: string }[] }));
      cursor = page.body!.pagination.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5); // open, beta, 3 × more; never the draft
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 2)).toEqual([tenant.articles.open, tenant.articles.beta]);
    expect(await writeCounts(tenant.id)).toEqual(before);
  });

  it("filters by category and validates parameters", async () => {
    const token = await widgetToken(tenant);
    const basics = await call(listArticles, tenant, `/api/v1/articles?category_id=${tenant.categoryId}`, { headers: bearer(token) });
    expect(ids(basics.body as { data: { id: string }[] })).toEqual([tenant.articles.open]);
    expect((await call(listArticles, tenant, "/api/v1/articles?category_id=nope", { headers: bearer(token) })).status).toBe(400);
    expect((await call(listArticles, tenant, "/api/v1/articles?limit=101", { headers: bearer(token) })).status).toBe(400);
  });
});

describe("GET /api/v1/articles/:id", () => {
  it("returns Markdown and safe HTML to a holder who may see it; 404 otherwise", async () => {
    const id = tenant.articles.beta;
    const denied = await call(getArticle, tenant, `/api/v1/articles/${id}`, { headers: bearer(await widgetToken(tenant)), params: { id } });
    expect(denied.status).toBe(404);
    const allowed = await call(getArticle, tenant, `/api/v1/articles/${id}`, { headers: bearer(await widgetToken(tenant, { claims: { groups: ["beta"] } })), params: { id } });
    expect(allowed.status).toBe(200);
    expect(allowed.body!.data).toMatchObject({ id, slug: "beta", body_markdown: expect.stringContaining("**beta**"), body_html: expect.stringContaining("<strong>beta</strong>") });
  });

  it("never serves another tenant's article, even with that tenant's valid token at this host", async () => {
    const id = other.articles.open;
    const response = await call(getArticle, tenant, `/api/v1/articles/${id}`, { headers: bearer(await widgetToken(tenant)), params: { id } });
    expect(response.status).toBe(404);
    const foreign = await call(getArticle, tenant, `/api/v1/articles/${id}`, { headers: bearer(await widgetToken(other)), params: { id } });
    expect(foreign.status).toBe(401);
    expect(foreign.body!.error.code).toBe("bad_signature");
  });

  it("logs refusals as widget_jwt.rejected with the read API as the surface", async () => {
    const response = await call(listArticles, tenant, "/api/v1/articles", { headers: { authorization: "Basic abc" } });
    expect(response.status).toBe(401);
    expect(response.body!.error.code).toBe("token_malformed");
    expect(await lastEvent(tenant.id)).toMatchObject({ event_type: "widget_jwt.rejected", reason_code: "token_malformed", details: { surface: "read_api" } });
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document", async () => {
    const response = await openApi();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(["/categories", "/articles", "/articles/{id}"]);
  });
});
