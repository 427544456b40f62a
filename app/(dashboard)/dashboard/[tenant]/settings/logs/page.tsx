import type { Metadata } from "next";
import Link from "next/link";
import { LOG_ROLES, requireMember } from "@/lib/auth/require-member";
import { searchSsoEvents } from "@/lib/data/sso-events";
import { EVENT_TYPES, logQueryString, parseLogQuery } from "@/lib/logs/log-query";
import { REJECTION_REASONS } from "@/lib/sso/reasons";

export const metadata: Metadata = { title: "Logs" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Sign-in events, newest first, filtered by the URL (shareable links), paged by keyset. The detail
// view, chart and export come with the rest of the logs work.
export default async function LogsPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, LOG_ROLES);
  const query = parseLogQuery(await searchParams);
  const { events, next } = await searchSsoEvents(member.tenant.id, query);
  const base = `/dashboard/${subdomain}/settings/logs`;
  const filtered = Boolean(query.type || query.reason || query.q);

  return (
    <div>
      <h1 className="text-2xl font-bold">Logs</h1>
      <p className="mt-1 text-sm text-slate-600">Sign-in events, newest first. A refused visitor saw the same reason code and request ID.</p>

      <form method="get" action={base} className="mt-6 grid gap-3 sm:grid-cols-[1fr_1fr_1.5fr_auto] sm:items-end">
        <FilterSelect name="type" label="Event" allLabel="All events" options={EVENT_TYPES} value={query.type} />
        <FilterSelect name="reason" label="Reason" allLabel="All reasons" options={REJECTION_REASONS} value={query.reason} />
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search</label>
          <input id="q" name="q" defaultValue={query.q ?? ""} placeholder="Email, external id, jti or request ID" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
          {filtered && <Link href={base} className="rounded-md border border-slate-300 px-3 py-2 text-sm">Clear</Link>}
        </div>
      </form>

      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">When (UTC)</th>
              <th scope="col" className="py-2 pr-4">Event</th>
              <th scope="col" className="py-2 pr-4">Reason</th>
              <th scope="col" className="py-2 pr-4">Email</th>
              <th scope="col" className="py-2">Request ID</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((event) => (
              <tr key={event.id.toString()}>
                <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={event.occurredAt.toISOString()}>{event.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</time></td>
                <td className="py-2 pr-4">{event.eventType}{event.repeatCount > 1 ? ` × ${event.repeatCount.toLocaleString("en")}` : ""}</td>
                <td className="py-2 pr-4 font-mono">{event.reasonCode ?? ""}</td>
                <td className="py-2 pr-4">{event.email ?? ""}</td>
                <td className="py-2 font-mono text-xs">{event.requestId ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && <p className="mt-4 text-slate-600">{filtered ? "No events match these filters." : "No sign-in events yet."}</p>}
      </div>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {query.cursor && <Link href={`${base}${logQueryString({ ...query, cursor: undefined })}`} className="text-brand-700 underline">Newest</Link>}
        {next && <Link href={`${base}${logQueryString({ ...query, cursor: next })}`} className="text-brand-700 underline">Older events</Link>}
      </nav>
    </div>
  );
}

function FilterSelect({ name, label, allLabel, options, value }: { name: string; label: string; allLabel: string; options: readonly string[]; value?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm">
        <option value="">{allLabel}</option>
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </div>
  );
}
