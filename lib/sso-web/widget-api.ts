import "server-only";
import type { NextRequest } from "next/server";
import type { ArticleRow, ArticleSummaryRow } from "@/lib/data/content";
import { markdownExcerpt } from "@/lib/api/excerpt";
import { articleHtml } from "@/lib/help-center/article-html";
import { apiError, type ApiResult } from "./api-route";
import type { SsoSite } from "./site";

// Shapes shared by the widget API routes (app/api/widget/v1/*).

export const APP_ID_HEADER = "x-gatehouse-app-id";

/**
 * The widget sends its hcOptions.app_id; it must name this help center. A page that loads one
 * help center's script with another's app id is misconfigured: say so instead of serving the
 * wrong content. Absent (e.g. curl): nothing to check.
 */
export function appIdMismatch(request: NextRequest, site: SsoSite): ApiResult | null {
  const appId = request.headers.get(APP_ID_HEADER);
  if (appId === null || appId === site.context.tenant.subdomain) return null;
  return apiError(400, "app_id_mismatch", `app_id "${appId.slice(0, 64)}" does not name this help center; its app_id is "${site.context.tenant.subdomain}".`);
}

export function articleSummaryJson(row: ArticleSummaryRow, origin: string) {
  return {
    id: row.id,
    title: row.title,
    excerpt: markdownExcerpt(row.bodyStart),
    url: `${origin}/articles/${encodeURIComponent(row.slug)}`,
    category: { id: row.categoryId, title: row.categoryTitle },
  };
}

export function articleJson(row: ArticleRow, origin: string) {
  return {
    id: row.id,
    title: row.title,
    html: articleHtml(row.body),
    url: `${origin}/articles/${encodeURIComponent(row.slug)}`,
    updated_at: row.updatedAt.toISOString(),
    category: { id: row.categoryId, title: row.categoryTitle },
  };
}
