import { findVisibleArticleById } from "@/lib/data/content";
import { apiError, apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { appIdMismatch, articleJson } from "@/lib/sso-web/widget-api";

// GET /api/widget/v1/articles/:id — one article, rendered to safe HTML, if the holder may see it.
// An article outside the holder's groups is "not found", exactly like one that does not exist.
export const GET = apiRoute<{ id: string }>("widget/article", async (request, site, info, { id }) => {
  const mismatch = appIdMismatch(request, site);
  if (mismatch) return mismatch;
  const auth = await authenticateBearer(request, site, info, "widget");
  if (!auth.ok) return auth.result;
  const row = await findVisibleArticleById(auth.context.tenant.id, auth.holder.groups, id);
  if (!row) return apiError(404, "not_found", "There is no such article, or it is not available to you.", { context: auth.context });
  return { status: 200, context: auth.context, body: { data: articleJson(row, site.origin) } };
});

export const OPTIONS = apiPreflight;
