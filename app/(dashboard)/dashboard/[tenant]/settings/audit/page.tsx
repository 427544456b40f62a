import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/filter-select";
import { PagedResults } from "@/components/paged-results";
import { StackedTable } from "@/components/stacked-table";
import { formatUtcSeconds } from "@/lib/format-when";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { AUDIT_AREAS, auditActionLabel } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";
import { auditQueryString, parseAuditQuery } from "@/lib/audit/audit-query";
import { listAuditEntries } from "@/lib/data/audit";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The tab names what it shows: "Audit: Members (older entries)". */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseAuditQuery(await searchParams);
  return { title: `Audit${query.area ? `: ${AUDIT_AREAS[query.area]}` : ""}${query.cursor ? " (older entries)" : ""}` };
}

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
  const areaLabel = query.area ? AUDIT_AREAS[query.area] : null;
  const empty = query.cursor ? `No older entries${areaLabel ? ` in ${areaLabel}` : ""}.` : areaLabel ? `Nothing in ${areaLabel} yet.` : "Nothing has changed yet.";
  return (
    <div>
      <h1 className="text-2xl font-bold">Audit trail</h1>
      <p className="mt-1 text-sm text-slate-600">Who changed what, and when: settings, secrets (generated, regenerated, revealed), members, content, requests and people. Secret values and tokens are never recorded.</p>

      {/* Keyed by the filter: after a client-side navigation the field shows the URL's filter. */}
      <div className="mt-6 flex flex-wrap items-end justify-between gap-3">
        <form key={query.area ?? ""} method="get" action={base} className="flex flex-wrap items-end gap-3">
          <div className="w-56 max-w-full">
            <FilterSelect name="area" label="Area" allLabel="Everything" options={AREA_OPTIONS} value={query.area} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
            {query.area && <Link href={base} className="rounded-md border border-slate-300 px-3 py-2 text-sm">Clear</Link>}
          </div>
        </form>
        <a href={`${base}/export${auditQueryString(filter)}`} download className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">Export CSV</a>
      </div>

      <PagedResults page={query.cursor ? auditQueryString(query) : ""} label="Audit entries" className="mt-6 md:overflow-x-auto">
        {/* On a phone each entry is a short stack (when and who, what, then its details) instead of
            a row that pans off-screen; from md up, a table. */}
        <StackedTable caption={`Audit entries, newest first${areaLabel ? `: ${areaLabel}` : ""}`} columns={["When (UTC)", "Who", "What", "Details"]}>
            {entries.map((entry) => {
              const lines = describeAuditDetails(entry.details, entry.action);
              return (
                <tr role="row" key={entry.id} className="block py-3 md:table-row md:py-0 md:align-top">
                  <td role="cell" className="inline-block pr-3 whitespace-nowrap text-slate-600 md:table-cell md:py-2 md:pr-4 md:text-inherit">
                    <time dateTime={entry.occurredAt.toISOString()}>{formatUtcSeconds(entry.occurredAt)}</time>
                  </td>
                  {/* Wide enough for an address to read at a glance; a longer one breaks only where it must. */}
                  <td role="cell" className="inline text-slate-600 [overflow-wrap:anywhere] md:table-cell md:min-w-40 md:py-2 md:pr-4 md:text-inherit xl:min-w-48">{entry.actorEmail ?? "—"}</td>
                  <td role="cell" className="block font-medium md:table-cell md:py-2 md:pr-4 md:font-normal">{auditActionLabel(entry.action)}</td>
                  <td role="cell" className="block text-slate-700 md:table-cell md:min-w-64 md:py-2 xl:min-w-72">
                    {lines.length > 0 && (
                      <dl className="mt-1 grid grid-cols-[fit-content(9rem)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs md:mt-0">
                        {lines.map((line, index) => (
                          <div key={`${index}-${line.label}`} className="contents">
                            <dt className="text-slate-500">{line.label}</dt>
                            <dd className={line.literal ? "font-mono [overflow-wrap:anywhere]" : "[overflow-wrap:anywhere]"}>{line.value}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              );
            })}
        </StackedTable>
        {entries.length === 0 && <p className="mt-4 text-slate-600">{empty}</p>}
      </PagedResults>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {query.cursor && <Link href={`${base}${auditQueryString(filter)}`} className="text-brand-700 underline">Newest</Link>}
        {next && <Link href={`${base}${auditQueryString({ ...filter, cursor: next })}`} className="text-brand-700 underline">Older entries</Link>}
      </nav>
    </div>
  );
}
