import { articleCursorSchema, decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { listVisibleArticles } from "@/lib/data/content";
import { apiError, apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { isUuid } from "@/lib/uuid";
import { articleListItemJson, invalidCursor, pageLimit } from "@/lib/sso-web/read-api";

// GET /api/v1/articles?category_id=&limit=&cursor= — the articles the token's holder may see,
// oldest first (a stable order, so paging never skips or repeats an article).
export const GET = apiRoute("v1/articles", async (request, site, info) => {
  const auth = await authenticateBearer(request, site, info, "read_api");
  if (!auth.ok) return auth.result;
  const params = request.nextUrl.searchParams;
  const limit = pageLimit(request);
  if (typeof limit !== "number") return { ...limit, context: auth.context };
  const categoryId = params.get("category_id");
  if (categoryId !== null && !isUuid(categoryId)) {
    return apiError(400, "invalid_parameter", "category_id must be a category's id (a UUID).", { context: auth.context });
  }
  const cursorParam = params.get("cursor");
  const cursor = cursorParam ? decodeCursor(cursorParam, articleCursorSchema) : null;
  if (cursorParam && !cursor) return { ...invalidCursor(), context: auth.context };
  const rows = await listVisibleArticles(auth.context.tenant.id, auth.holder.groups, {
    categoryId,
    after: cursor ? { createdAt: new Date(cursor.c), id: cursor.i } : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null;
  return {
    status: 200,
    context: auth.context,
    body: { data: page.map((row) => articleListItemJson(row, site.origin)), pagination: { next_cursor: nextCursor } },
  };
});

export const OPTIONS = apiPreflight;
