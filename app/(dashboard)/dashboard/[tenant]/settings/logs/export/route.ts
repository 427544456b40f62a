import type { NextRequest } from "next/server";
import { LOG_ROLES, memberForRoute } from "@/lib/auth/require-member";
import { streamSsoEvents } from "@/lib/data/sso-event-queries";
import { csvHeader, csvRows } from "@/lib/logs/csv";
import { parseLogQuery, resolveTimeWindow } from "@/lib/logs/log-query";

// The filtered events as CSV, streamed: rows are read a batch at a time by keyset and written as
// the client takes them (ReadableStream pull), so a 100,000-row export holds one batch in memory.
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: subdomain } = await params;
  const member = await memberForRoute(subdomain, LOG_ROLES);
  if (member instanceof Response) return member;

  const query = { ...parseLogQuery(Object.fromEntries(request.nextUrl.searchParams)), cursor: undefined };
  const now = new Date();
  const batches = streamSsoEvents(member.tenant.id, query, resolveTimeWindow(query, now));
  const encoder = new TextEncoder();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader()));
        return;
      }
      const { value, done } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(csvRows(value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const filename = `gatehouse-logs-${subdomain}-${now.toISOString().slice(0, 16).replace(":", "")}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
