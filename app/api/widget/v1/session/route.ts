import { authenticateBearer } from "@/lib/sso-web/bearer-auth";
import { apiPreflight, apiRoute } from "@/lib/sso-web/api-route";
import { appIdMismatch } from "@/lib/sso-web/widget-api";

// GET /api/widget/v1/session — who the widget's token speaks for, and the Token TTL the widget
// schedules its refresh by (onAuthExpired) before the token ages out.
export const GET = apiRoute("widget/session", async (request, site, info) => {
  const mismatch = appIdMismatch(request, site);
  if (mismatch) return mismatch;
  const auth = await authenticateBearer(request, site, info, "widget");
  if (!auth.ok) return auth.result;
  const config = auth.context.config!;
  return {
    status: 200,
    context: auth.context,
    body: {
      data: {
        help_center: { name: auth.context.tenant.name },
        token_ttl_seconds: config.tokenTtlSeconds,
        clock_skew_seconds: config.clockSkewSeconds,
        user: { email: auth.holder.email, name: auth.holder.name },
      },
    },
  };
});

export const OPTIONS = apiPreflight;
