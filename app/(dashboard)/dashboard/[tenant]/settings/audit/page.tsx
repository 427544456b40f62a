import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/filter-select";
import { formatUtcSeconds } from "@/lib/format-when";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { AUDIT_AREAS, auditActionLabel } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";
import { auditQueryString, parseAuditQuery } from "@/lib/audit/audit-query";
import { listAuditEntries } from "@/lib/data/audit";

export const metadata: Metadata = { title: "Audit" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const AREA_OPTIONS = Object.entries(AUDIT_AREAS).map(([value, label]) => ({ value, label }));

// Who changed what, when: newest first, filtered by part of the dashboard (in the URL, so a link
// can be shared), paged by keyset, and exported as CSV with the same filter.
export default async function AuditPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const query = parseAuditQuery(await searchParams);
  const { entries, next } = await listAuditEntries(member.tenant.id, query);
  const base = `/dashboard/${subdomain}/settings/audit`;
  const filter = { area: query.area };
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Audit trail</h1>
          <p className="mt-1 text-sm text-slate-600">Every settings change, secret generation, regeneration and reveal, content edit and answer to a request: who, when, what. Secret values and tokens are never recorded.</p>
        </div>
        <a href={`${base}/export${auditQueryString(filter)}`} download className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">Export CSV</a>
      </div>

      {/* Keyed by the filter: after a client-side navigation the field shows the URL's filter. */}
      <form key={query.area ?? ""} method="get" action={base} className="mt-6 flex flex-wrap items-end gap-3">
        <div className="w-64 max-w-full">
          <FilterSelect name="area" label="Area" allLabel="Everything" options={AREA_OPTIONS} value={query.area} />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
        {query.area && <Link href={base} className="rounded-md border border-slate-300 px-3 py-2 text-sm">Clear</Link>}
      </form>

      <div className="relative mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr><th scope="col" className="py-2 pr-4">When (UTC)</th><th scope="col" className="py-2 pr-4">Who</th><th scope="col" className="py-2 pr-4">What</th><th scope="col" className="py-2">Details</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((entry) => {
              const lines = describeAuditDetails(entry.details);
              return (
                <tr key={entry.id} className="align-top">
                  <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={entry.occurredAt.toISOString()}>{formatUtcSeconds(entry.occurredAt)}</time></td>
                  <td className="py-2 pr-4 break-all">{entry.actorEmail ?? "—"}</td>
                  <td className="py-2 pr-4">{auditActionLabel(entry.action)}</td>
                  <td className="py-2 text-slate-700">
                    {lines.length > 0 && (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                        {lines.map((line) => (
                          <div key={line.label} className="contents">
                            <dt className="text-slate-500">{line.label}</dt>
                            <dd className={line.literal ? "font-mono break-all" : "break-words"}>{line.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {entries.length === 0 && <p className="mt-4 text-slate-600">{query.area ? `Nothing in ${AUDIT_AREAS[query.area]} yet.` : query.cursor ? "No older entries." : "Nothing has changed yet."}</p>}
      </div>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {query.cursor && <Link href={`${base}${auditQueryString(filter)}`} className="text-brand-700 underline">Newest</Link>}
        {next && <Link href={`${base}${auditQueryString({ ...filter, cursor: next })}`} className="text-brand-700 underline">Older entries</Link>}
      </nav>
    </div>
  );
}
