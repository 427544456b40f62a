import type { Metadata } from "next";
import Link from "next/link";
import { RequestStatusBadge } from "@/components/request-status-badge";
import { listOwnRequests } from "@/lib/data/support-requests";
import { getViewer, signInPath } from "@/lib/help-center/viewer";
import { formatWhen } from "@/lib/format-when";
import { decodeRequestCursor, encodeRequestCursor } from "@/lib/requests/page-cursor";
import { NewRequestForm } from "./_components/new-request-form";
import { SignInUnavailable } from "./_components/sign-in-unavailable";
import { requireRequester } from "./requester";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { tenant } = await getViewer();
  return { title: { absolute: `My requests · ${tenant.name}` } };
}

// The signed-in end user's own requests, newest first, and the form to raise a new one.
export default async function MyRequestsPage({ searchParams }: Props) {
  const requester = await requireRequester();
  if (!requester) return <SignInUnavailable helpCenterName={(await getViewer()).tenant.name} />;
  const before = decodeRequestCursor((await searchParams).before);
  const [{ items, next }, signInHref] = await Promise.all([listOwnRequests(requester.tenant.id, requester.user.id, before), signInPath()]);

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">My requests</h1>
        <p className="mt-2 text-slate-600">Ask {requester.tenant.name} for help. Only you and their support team can see your requests.</p>
      </header>
      <NewRequestForm signInHref={signInHref} />
      <section aria-labelledby="my-requests-heading">
        <h2 id="my-requests-heading" className="text-lg font-semibold">Your requests</h2>
        {items.length === 0 ? (
          <p className="mt-3 text-slate-600">{before ? "No older requests." : "You have not raised any requests yet."}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Your requests">
            {items.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
                <div className="min-w-0">
                  <Link href={`/requests/${request.id}`} className="font-medium text-brand-700 wrap-anywhere hover:underline">{request.subject}</Link>
                  <p className="text-xs text-slate-500">
                    Raised <time dateTime={request.createdAt.toISOString()}>{formatWhen(request.createdAt)}</time>
                    {request.updatedAt > request.createdAt && <> · updated <time dateTime={request.updatedAt.toISOString()}>{formatWhen(request.updatedAt)}</time></>}
                  </p>
                </div>
                <RequestStatusBadge status={request.status} />
              </li>
            ))}
          </ul>
        )}
        <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
          {before && <Link href="/requests" className="text-brand-700 underline">Newest requests</Link>}
          {next && <Link href={`/requests?before=${encodeRequestCursor(next)}`} className="text-brand-700 underline">Older requests</Link>}
        </nav>
      </section>
    </div>
  );
}
