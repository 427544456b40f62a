// Liveness without touching the database. Also the "empty route" that `npm run bench:sso`
// compares the sign-in flow against: the framework's own cost per request.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response(null, { status: 204 });
}
