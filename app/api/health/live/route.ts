// Liveness without touching the database. Also the "empty route" the benchmarks compare against:
// the framework's own cost per request (`npm run bench:sso`, `npm run bench:widget`).
export const dynamic = "force-dynamic";

/**
 * 204 with no body; with `?format=json`, 200 and a two-word JSON body. The JSON form is the empty
 * route for API benchmarks: Next streams any response body through web streams, a per-response
 * cost of the framework's that an API answer cannot avoid and a 204 does not pay.
 */
export function GET(request: Request) {
  if (new URL(request.url).searchParams.get("format") === "json") return Response.json({ status: "live" });
  return new Response(null, { status: 204 });
}
