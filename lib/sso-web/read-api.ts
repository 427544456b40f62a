import "server-only";
import type { NextRequest } from "next/server";
import type { ArticleRow, ArticleSummaryRow, CategoryRow } from "@/lib/data/content";
import { markdownExcerpt } from "@/lib/api/excerpt";
import { parseLimit } from "@/lib/api/limit";
import { articleHtml } from "@/lib/help-center/article-html";
import { apiError, type ApiResult } from "./api-route";

// Shapes and parameters shared by the read API routes (app/api/v1/*), documented in
// lib/api/openapi.ts: keep the two in step.

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export function pageLimit(request: NextRequest): number | ApiResult {
  const limit = parseLimit(request.nextUrl.searchParams.get("limit"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return limit ?? apiError(400, "invalid_parameter", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
}

export function invalidCursor(): ApiResult {
  return apiError(400, "invalid_parameter", "cursor is not one this API handed out; pass next_cursor from the previous page as it is.");
}

export function categoryJson(row: CategoryRow) {
  return { id: row.id, slug: row.slug, title: row.title, description: row.description, position: row.position, article_count: row.articleCount };
}

export function articleListItemJson(row: ArticleSummaryRow, origin: string) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: markdownExcerpt(row.bodyStart),
    url: `${origin}/articles/${encodeURIComponent(row.slug)}`,
    category: { id: row.categoryId, title: row.categoryTitle },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function articleDetailJson(row: ArticleRow, origin: string) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body_markdown: row.body,
    body_html: articleHtml(row.body),
    url: `${origin}/articles/${encodeURIComponent(row.slug)}`,
    category: { id: row.categoryId, title: row.categoryTitle },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
