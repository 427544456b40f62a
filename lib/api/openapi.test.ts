import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleDetailJson, articleListItemJson, categoryJson } from "@/lib/sso-web/read-api";
import { OPENAPI_DOCUMENT } from "./openapi";

// The OpenAPI file is what API users code against: it must name every field the API returns and
// every route it lists must exist.

const summaryRow = {
  id: "0b6a3f1e-5d1c-4c1e-9a57-3f2b1c0d9e8f",
  slug: "reset",
  title: "Reset",
  bodyStart: "# Reset\nText",
  categoryId: "1b6a3f1e-5d1c-4c1e-9a57-3f2b1c0d9e8f",
  categoryTitle: "Basics",
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-02T00:00:00Z"),
};

const schemas = OPENAPI_DOCUMENT.components.schemas;

describe("the read API's OpenAPI document", () => {
  it("lists exactly the fields each response object has", () => {
    const { bodyStart, ...articleRow } = summaryRow;
    void bodyStart;
    expect(Object.keys(articleListItemJson(summaryRow, "https://acme.example")).sort()).toEqual([...schemas.ArticleSummary.required].sort());
    expect(Object.keys(articleDetailJson({ ...articleRow, body: "**hi**" }, "https://acme.example")).sort()).toEqual([...schemas.Article.required].sort());
    const category = { id: summaryRow.categoryId, slug: "basics", title: "Basics", description: "", position: 0, articleCount: 2, createdAt: new Date() };
    expect(Object.keys(categoryJson(category)).sort()).toEqual([...schemas.Category.required].sort());
    for (const schema of [schemas.ArticleSummary, schemas.Article, schemas.Category]) {
      expect(Object.keys(schema.properties).sort()).toEqual([...schema.required].sort());
    }
  });

  it("describes only routes that exist", () => {
    for (const route of Object.keys(OPENAPI_DOCUMENT.paths)) {
      const file = `app/api/v1${route.replace("{id}", "[id]")}/route.ts`;
      expect(existsSync(file), file).toBe(true);
    }
  });

  it("renders the body's Markdown to HTML without its raw HTML or script links", () => {
    const { bodyStart, ...articleRow } = summaryRow;
    void bodyStart;
    const html = articleDetailJson({ ...articleRow, body: "**bold** <script>alert(1)</script> [x](javascript:alert(1))" }, "https://acme.example").body_html;
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });
});
