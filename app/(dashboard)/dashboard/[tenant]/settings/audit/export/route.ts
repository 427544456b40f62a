import type { NextRequest } from "next/server";
import { memberForRoute, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { auditCsvHeader, auditCsvRows } from "@/lib/audit/csv";
import { parseAuditQuery } from "@/lib/audit/audit-query";
import { streamAuditEntries } from "@/lib/data/audit";
import { csvDownload, exportFilename } from "@/lib/http/csv-download";

// The audit trail as CSV, with the page's area filter, streamed. Same roles as the Audit page.
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: subdomain } = await params;
  const member = await memberForRoute(subdomain, SETTINGS_ROLES);
  if (member instanceof Response) return member;

  const { area } = parseAuditQuery(Object.fromEntries(request.nextUrl.searchParams));
  const filename = exportFilename(`audit-${subdomain}${area ? `-${area}` : ""}`, new Date());
  return csvDownload(filename, auditCsvHeader(), streamAuditEntries(member.tenant.id, { area }), auditCsvRows);
}
