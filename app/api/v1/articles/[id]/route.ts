import { findVisibleArticleById } from "@/lib/data/content";
import { apiError, apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { articleDetailJson } from "@/lib/sso-web/read-api";

// GET /api/v1/articles/:id — one article (Markdown and safe HTML), if the holder may see it; an
// article outside their groups is 404, the same as one that does not exist.
export const GET = apiRoute<{ id: string }>("v1/article", async (request, site, info, { id }) => {
  const auth = await authenticateBearer(request, site, info, "read_api");
  if (!auth.ok) return auth.result;
  const row = await findVisibleArticleById(auth.context.tenant.id, auth.holder.groups, id);
  if (!row) return apiError(404, "not_found", "There is no such article, or it is not available to you.", { context: auth.context });
  return { status: 200, context: auth.context, body: { data: articleDetailJson(row, site.origin) } };
});

export const OPTIONS = apiPreflight;
