import { searchVisibleArticles } from "@/lib/data/content";
import { apiError, apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { parseLimit } from "@/lib/api/limit";
import { appIdMismatch, articleSummaryJson } from "@/lib/sso-web/widget-api";

const MAX_QUERY_LENGTH = 200;

// GET /api/widget/v1/articles?q=&limit= — search the articles the token's holder may see (title
// matches first); without q, the most recently updated ones.
export const GET = apiRoute("widget/articles", async (request, site, info) => {
  const mismatch = appIdMismatch(request, site);
  if (mismatch) return mismatch;
  const auth = await authenticateBearer(request, site, info, "widget");
  if (!auth.ok) return auth.result;
  const params = request.nextUrl.searchParams;
  const limit = parseLimit(params.get("limit"), 10, 20);
  if (limit === null) return apiError(400, "invalid_parameter", "limit must be a whole number from 1 to 20.", { context: auth.context });
  const query = params.get("q") ?? "";
  if (query.length > MAX_QUERY_LENGTH) return apiError(400, "invalid_parameter", `q may be at most ${MAX_QUERY_LENGTH} characters.`, { context: auth.context });
  const rows = await searchVisibleArticles(auth.context.tenant.id, auth.holder.groups, query, limit);
  return { status: 200, context: auth.context, body: { data: rows.map((row) => articleSummaryJson(row, site.origin)) } };
});

export const OPTIONS = apiPreflight;
