import type { Metadata } from "next";
import Link from "next/link";
import { PagedResults } from "@/components/paged-results";
import { StackedTable } from "@/components/stacked-table";
import { LOG_ROLES, requireMember } from "@/lib/auth/require-member";
import { countEndUsers, listEndUsers } from "@/lib/data/end-users";
import { formatWhen } from "@/lib/format-when";
import { SuspendedBadge } from "./_components/suspended-badge";
import { parsePeopleQuery, peopleQueryString, type PeopleFilter, type PeopleQuery } from "./schemas";

export const metadata: Metadata = { title: "People" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What an empty table says: why nothing is shown, and what to try. */
function emptyMessage(query: PeopleQuery): string {
  if (query.after) return "No more people: that was the last page.";
  if (query.q) {
    return `Nobody${query.filter === "suspended" ? " suspended" : ""} has “${query.q}” in their name, email or external ID. Any part of them matches, in any case: try fewer characters${query.filter === "suspended" ? ", or All" : ""}.`;
  }
  if (query.filter === "suspended") return "Nobody is suspended.";
  return "Nobody has signed in to this help center yet. People appear here after their first sign-in through SSO.";
}

// The help center's end users (readers SSO signed in), newest sign-in first, searched and filtered
// by the URL (shareable links), keyset paged. Owners, admins and support see it; only owners and
// admins get the actions, on a person's own page.
export default async function PeoplePage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, LOG_ROLES);
  const query = parsePeopleQuery(await searchParams);
  const [counts, { items, next }] = await Promise.all([
    countEndUsers(member.tenant.id),
    listEndUsers(member.tenant.id, { search: query.q, suspendedOnly: query.filter === "suspended", after: query.after }),
  ]);
  const base = `/dashboard/${subdomain}/people`;
  const firstPage = { ...query, after: undefined };
  const tabs: { filter: PeopleFilter; label: string; count: number }[] = [
    { filter: "all", label: "All", count: counts.all },
    { filter: "suspended", label: "Suspended", count: counts.suspended },
  ];

  return (
    <div>
      <h1 className="text-2xl font-bold">People</h1>
      <p className="mt-1 text-sm text-slate-600">Everyone who has signed in to the help center through SSO, newest sign-in first. Open a person to see everything stored about them{member.role === "support" ? "" : ", sign them out or suspend them"}.</p>

      {/* Keyed by the query: after a client-side navigation (a tab, Clear) the box shows the URL's search. */}
      <form key={peopleQueryString(firstPage)} method="get" action={base} role="search" className="mt-6 flex flex-wrap items-end gap-3">
        {query.filter === "suspended" && <input type="hidden" name="status" value="suspended" />}
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="q" className="block text-sm font-medium">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Email, name or external ID" aria-describedby="q-hint" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <p id="q-hint" className="mt-1 text-xs text-slate-600">Any part of it, in any case.</p>
        </div>
        <div className="flex gap-2 pb-5">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Search</button>
          {query.q && <Link href={`${base}${peopleQueryString({ filter: query.filter })}`} className="rounded-md border border-slate-300 px-3 py-2 text-sm">Clear</Link>}
        </div>
      </form>

      <nav aria-label="Filter people" className="mt-2 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {tabs.map((tab) => (
            <li key={tab.filter}>
              <Link
                href={`${base}${peopleQueryString({ q: query.q, filter: tab.filter })}`}
                aria-current={tab.filter === query.filter ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${tab.filter === query.filter ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {tab.label} <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs text-slate-700">{tab.count.toLocaleString("en")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <PagedResults page={query.after ? peopleQueryString(query) : ""} label="People" className="relative mt-4 overflow-x-auto">
        {/* On a phone each person is a short stack (name and status, email, external ID and groups,
            last sign-in) instead of a table row that pans off-screen; from md up, a table. */}
        <StackedTable columns={["Name", "Email", "External ID", "Groups", "Last sign-in", "Status"]}>
          {items.map((person) => (
            <tr role="row" key={person.id} className="block py-2 md:table-row md:py-0">
              <td role="cell" className="inline-block pr-3 md:table-cell md:py-2 md:pr-4">
                <Link href={`${base}/${person.id}`} className="break-words font-medium text-brand-700 hover:underline">{person.name}</Link>
                {/* On a phone the status sits beside the name, where the eye starts. */}
                {person.suspended && <span className="ml-2 md:hidden"><SuspendedBadge /></span>}
              </td>
              <td role="cell" className="block break-all md:table-cell md:min-w-40 md:py-2 md:pr-4">{person.email}</td>
              {/* On a phone an empty cell takes no line of its own. */}
              <td role="cell" className={`${person.externalId ? "inline-block" : "hidden"} pr-3 font-mono text-xs break-all text-slate-600 md:table-cell md:py-2 md:pr-4 md:text-inherit`}>
                {person.externalId ?? <span className="sr-only">none</span>}
              </td>
              <td role="cell" className={`${person.groups.length > 0 ? "inline-block" : "hidden"} text-xs text-slate-600 md:table-cell md:py-2 md:pr-4`}>
                {person.groups.length > 0 ? person.groups.join(", ") : <span className="sr-only">none</span>}
              </td>
              <td role="cell" className="block whitespace-nowrap text-slate-600 md:table-cell md:py-2 md:pr-4 md:text-inherit">
                <time dateTime={person.lastLoginAt.toISOString()}>{formatWhen(person.lastLoginAt)}</time>
              </td>
              <td role="cell" className="hidden md:table-cell md:py-2">{person.suspended && <SuspendedBadge />}</td>
            </tr>
          ))}
        </StackedTable>
        {items.length === 0 && <p className="mt-4 text-slate-600">{emptyMessage(query)}</p>}
      </PagedResults>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {query.after && <Link href={`${base}${peopleQueryString(firstPage)}`} className="text-brand-700 underline">Most recent</Link>}
        {next && <Link href={`${base}${peopleQueryString({ ...query, after: next })}`} className="text-brand-700 underline">Earlier sign-ins</Link>}
      </nav>
    </div>
  );
}
