import type { Metadata } from "next";
import Link from "next/link";
import { formatUtcSeconds } from "@/lib/format-when";
import { LOG_ROLES, requireMember } from "@/lib/auth/require-member";
import { rejectionChart, searchSsoEvents } from "@/lib/data/sso-event-queries";
import { DEFAULT_RANGE, formatUtcMinute, logQueryString, parseLogQuery, RANGE_LABELS, rangeProblemMessage, resolveTimeWindow, type LogQuery } from "@/lib/logs/log-query";
import { REJECTION_REASONS } from "@/lib/sso/reasons";
import { EVENT_FILTER_OPTIONS, EVENT_TYPE_LABELS, REASON_FILTER_OPTIONS } from "./_components/event-labels";
import { FilterSelect } from "@/components/filter-select";
import { PagedResults } from "@/components/paged-results";
import { StackedTable } from "@/components/stacked-table";
import { RangeFields } from "./_components/range-fields";
import { RejectionChart } from "./_components/rejection-chart";

export const metadata: Metadata = { title: "Logs" };

/** What an empty table says: for a search, the reasons a value someone quoted can be missing. */
function emptyResultMessage(query: LogQuery, filtered: boolean, inRange: string): string {
  if (query.q) {
    return `No events match these filters in ${inRange}. Search needs a whole email, external ID, jti or request ID; an older event needs a longer time range. Identical refusals arriving many times a second from one address are counted on an earlier row (shown "× count") rather than stored one by one, so their own request IDs cannot be found.`;
  }
  return filtered ? "No events match these filters." : "No sign-in events in the last 7 days.";
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Sign-in events, newest first, filtered by the URL (shareable links), paged by keyset, with the
// rejections chart for the same filters above the table.
export default async function LogsPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, LOG_ROLES);
  const query = parseLogQuery(await searchParams);
  const window = resolveTimeWindow(query, new Date());
  const [{ events, next }, chart] = await Promise.all([
    searchSsoEvents(member.tenant.id, query, window),
    rejectionChart(member.tenant.id, { ...query, cursor: undefined }, window),
  ]);
  const base = `/dashboard/${subdomain}/settings/logs`;
  const filters = { ...query, cursor: undefined, rangeProblem: undefined };
  const filtered = Boolean(query.type || query.reason || query.q || query.range || query.rangeProblem);
  const range = query.range ?? DEFAULT_RANGE;
  const rangeLabel = range === "custom" ? `${formatUtcSeconds(window.from).slice(0, 16)} to ${formatUtcSeconds(window.to).slice(0, 16)} UTC` : RANGE_LABELS[range].toLowerCase();

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Logs</h1>
          <p className="mt-1 text-sm text-slate-600">Sign-in events, newest first. A refused visitor saw the same reason code and request ID.</p>
        </div>
        <a href={`${base}/export${logQueryString(filters)}`} download className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">Export CSV</a>
      </div>

      {/* Keyed by the filters: after a client-side navigation (a reason in the chart, Clear) the
          fields show the URL's filters, not what they held before. */}
      <form key={logQueryString(filters)} method="get" action={base} className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <FilterSelect name="type" label="Event" allLabel="All events" options={EVENT_FILTER_OPTIONS} value={query.type} />
        <FilterSelect name="reason" label="Reason" allLabel="All reasons" options={REASON_FILTER_OPTIONS} value={query.reason} />
        {/* A custom range that could not be used keeps Custom chosen, with the reason beside its dates. */}
        <RangeFields
          range={query.rangeProblem ? "custom" : range}
          from={range === "custom" ? formatUtcMinute(window.from) : undefined}
          to={range === "custom" ? formatUtcMinute(window.to) : undefined}
          problem={query.rangeProblem && rangeProblemMessage(query.rangeProblem)}
        />
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">Search</label>
          <input id="q" name="q" defaultValue={query.q ?? ""} placeholder="Email, external ID, jti or request ID" aria-describedby="q-hint" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <p id="q-hint" className="mt-1 text-xs text-slate-600">The whole value, as the event holds it: a part of an address or ID finds nothing.</p>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
          {filtered && <Link href={base} className="rounded-md border border-slate-300 px-3 py-2 text-sm">Clear</Link>}
        </div>
      </form>

      <RejectionChart
        buckets={chart.buckets}
        totals={chart.totals}
        bucket={window.bucket}
        rangeLabel={rangeLabel}
        reasonHref={(reason) => `${base}${logQueryString({ ...filters, reason: reason as (typeof REJECTION_REASONS)[number] })}`}
      />

      <PagedResults page={query.cursor ? logQueryString(query) : ""} label="Sign-in events" className="relative mt-6 overflow-x-auto">
        {/* On a phone each event is a short stack (time, event and reason, user, then request ID and
            IP) instead of a table row that pans off-screen; from md up, a table. */}
        <StackedTable columns={["When (UTC)", "Event", "Reason", "User", "Request ID · IP"]}>
            {events.map((event) => (
              <tr role="row" key={event.id.toString()} className="block py-2 md:table-row md:py-0">
                <td role="cell" className="block whitespace-nowrap md:table-cell md:py-2 md:pr-4">
                  <Link href={`${base}/${event.id}${logQueryString(filters)}`} className="text-brand-700 hover:underline" aria-label={`Details of the event at ${formatUtcSeconds(event.occurredAt)} UTC`}>
                    <time dateTime={event.occurredAt.toISOString()}>{formatUtcSeconds(event.occurredAt)}</time>
                  </Link>
                </td>
                <td role="cell" className="inline-block pr-3 md:table-cell md:py-2 md:pr-4">
                  {EVENT_TYPE_LABELS[event.eventType] ?? event.eventType}
                  {event.repeatCount > 1 && <span className="ml-2 whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs text-amber-900" title="Identical rejections from the same IP folded into this row">× {event.repeatCount.toLocaleString("en")}</span>}
                </td>
                <td role="cell" className="inline-block font-mono text-xs md:table-cell md:py-2 md:pr-4">{event.reasonCode ?? ""}</td>
                <td role="cell" className="block break-all md:table-cell md:min-w-40 md:py-2 md:pr-4">{event.email ?? event.externalId ?? ""}</td>
                {/* The request ID wraps rather than running past the box's edge: support reads it out whole. */}
                <td role="cell" className="block font-mono text-xs break-all text-slate-600 md:table-cell md:min-w-44 md:py-2 md:text-inherit">
                  <div>{event.requestId ?? ""}</div>
                  {event.clientIp && <div className="text-slate-500">{event.clientIp}</div>}
                </td>
              </tr>
            ))}
        </StackedTable>
        {events.length === 0 && <p className="mt-4 text-slate-600">{emptyResultMessage(query, filtered, range === "custom" ? "this time range" : `the ${rangeLabel}`)}</p>}
      </PagedResults>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {query.cursor && <Link href={`${base}${logQueryString(filters)}`} className="text-brand-700 underline">Newest</Link>}
        {next && <Link href={`${base}${logQueryString({ ...query, cursor: next })}`} className="text-brand-700 underline">Older events</Link>}
      </nav>
    </div>
  );
}
