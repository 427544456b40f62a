import type { Metadata } from "next";
import Link from "next/link";
import { RequestStatusBadge } from "@/components/request-status-badge";
import { REQUEST_ROLES, requireMember } from "@/lib/auth/require-member";
import { countRequestsByStatus, listRequestsForStaff } from "@/lib/data/support-requests";
import { STATUS_LABELS } from "@/lib/requests/display";
import { formatWhen } from "@/lib/format-when";
import { decodeRequestCursor, encodeRequestCursor } from "@/lib/requests/page-cursor";
import { isRequestStatus, REQUEST_STATUSES, type RequestStatus } from "@/lib/requests/schemas";

export const metadata: Metadata = { title: "Requests" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Filter = RequestStatus | "all";

const EMPTY: Record<Filter, string> = {
  open: "No open requests: nothing is waiting for an answer.",
  answered: "No answered requests.",
  closed: "No closed requests.",
  all: "No end user has raised a request yet. Signed-in end users raise them at /requests on the help center.",
};

// End users' requests, newest activity first. Open is the default view: the ones waiting for us.
export default async function RequestsPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, REQUEST_ROLES);
  const query = await searchParams;
  const filter: Filter = query.status === "all" ? "all" : isRequestStatus(query.status) ? query.status : "open";
  const before = decodeRequestCursor(query.before);
  const [counts, { items, next }] = await Promise.all([
    countRequestsByStatus(member.tenant.id),
    listRequestsForStaff(member.tenant.id, { status: filter === "all" ? undefined : filter, before }),
  ]);
  const base = `/dashboard/${subdomain}/requests`;
  const tabs: { filter: Filter; label: string; count: number }[] = [
    ...REQUEST_STATUSES.map((status) => ({ filter: status, label: STATUS_LABELS[status], count: counts[status] })),
    { filter: "all", label: "All", count: counts.open + counts.answered + counts.closed },
  ];

  return (
    <div>
      <h1 className="text-2xl font-bold">Requests</h1>
      <p className="mt-1 text-sm text-slate-600">What signed-in end users asked on the help center. Each person sees only their own requests and your replies.</p>

      <nav aria-label="Filter by status" className="mt-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {tabs.map((tab) => (
            <li key={tab.filter}>
              <Link
                href={`${base}?status=${tab.filter}`}
                aria-current={tab.filter === filter ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${tab.filter === filter ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {tab.label} <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs text-slate-700">{tab.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="relative mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Subject</th>
              <th scope="col" className="hidden py-2 pr-4 sm:table-cell">Requester</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="hidden py-2 pr-4 sm:table-cell">Replies</th>
              <th scope="col" className="py-2">Last activity</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((request) => (
              <tr key={request.id}>
                <td className="py-2 pr-4 sm:max-w-xs">
                  <Link href={`${base}/${request.id}`} className="break-words text-brand-700 hover:underline">{request.subject}</Link>
                  {/* On a phone the requester goes under the subject instead of in a column of its own. */}
                  <span className="block text-xs text-slate-500 sm:hidden">{request.endUser.name}</span>
                </td>
                <td className="hidden py-2 pr-4 sm:table-cell">
                  {request.endUser.name} <span className="block text-xs text-slate-500">{request.endUser.email}</span>
                </td>
                <td className="py-2 pr-4">
                  <RequestStatusBadge status={request.status} />
                </td>
                <td className="hidden py-2 pr-4 sm:table-cell">{request._count.replies}</td>
                <td className="py-2 whitespace-nowrap"><time dateTime={request.updatedAt.toISOString()}>{formatWhen(request.updatedAt)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && <p className="mt-4 text-slate-600">{before ? "No older requests." : EMPTY[filter]}</p>}
      </div>
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {before && <Link href={`${base}?status=${filter}`} className="text-brand-700 underline">Latest</Link>}
        {next && <Link href={`${base}?status=${filter}&before=${encodeRequestCursor(next)}`} className="text-brand-700 underline">Older requests</Link>}
      </nav>
    </div>
  );
}
