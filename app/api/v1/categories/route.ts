import { categoryCursorSchema, decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { listCategoriesForReader } from "@/lib/data/content";
import { apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { categoryJson, invalidCursor, pageLimit } from "@/lib/sso-web/read-api";

// GET /api/v1/categories?limit=&cursor= — the help center's categories in order, each with the
// number of articles the token's holder may see; those with none are left out, as on the home page.
export const GET = apiRoute("v1/categories", async (request, site, info) => {
  const auth = await authenticateBearer(request, site, info, "read_api");
  if (!auth.ok) return auth.result;
  const limit = pageLimit(request);
  if (typeof limit !== "number") return { ...limit, context: auth.context };
  const cursorParam = request.nextUrl.searchParams.get("cursor");
  const cursor = cursorParam ? decodeCursor(cursorParam, categoryCursorSchema) : null;
  if (cursorParam && !cursor) return { ...invalidCursor(), context: auth.context };
  // One extra row tells whether there is a next page without a count query.
  const rows = await listCategoriesForReader(auth.context.tenant.id, auth.holder.groups, {
    after: cursor ? { position: cursor.p, id: cursor.i } : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ p: last.position, i: last.id }) : null;
  return { status: 200, context: auth.context, body: { data: page.map(categoryJson), pagination: { next_cursor: nextCursor } } };
});

export const OPTIONS = apiPreflight;
