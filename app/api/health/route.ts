import { getDb } from "@/lib/db";

// Liveness and database reachability, for `npm start`, the e2e runner and load balancers.
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
