import type { NextRequest } from "next/server";
import { LOG_ROLES, memberForRoute } from "@/lib/auth/require-member";
import { streamSsoEvents } from "@/lib/data/sso-event-queries";
import { csvDownload, exportFilename } from "@/lib/http/csv-download";
import { csvHeader, csvRows } from "@/lib/logs/csv";
import { parseLogQuery, resolveTimeWindow } from "@/lib/logs/log-query";

// The filtered events as CSV, streamed a batch at a time (lib/http/csv-download.ts).
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: subdomain } = await params;
  const member = await memberForRoute(subdomain, LOG_ROLES);
  if (member instanceof Response) return member;

  const query = { ...parseLogQuery(Object.fromEntries(request.nextUrl.searchParams)), cursor: undefined };
  const now = new Date();
  const batches = streamSsoEvents(member.tenant.id, query, resolveTimeWindow(query, now));
  return csvDownload(exportFilename(`logs-${subdomain}`, now), csvHeader(), batches, csvRows);
}
