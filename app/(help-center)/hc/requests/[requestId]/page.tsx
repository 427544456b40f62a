import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { RequestStatusBadge } from "@/components/request-status-badge";
import { findOwnRequest } from "@/lib/data/support-requests";
import { getViewer, signInPath } from "@/lib/help-center/viewer";
import { END_USER_STATUS_HINTS } from "@/lib/requests/display";
import { formatWhen } from "@/lib/format-when";
import { ReplyForm } from "../_components/reply-form";
import { SignInUnavailable } from "../_components/sign-in-unavailable";
import { requireRequester } from "../requester";

type Props = { params: Promise<{ requestId: string }> };

/** One query per request for the title and the page together. */
const ownRequest = cache(findOwnRequest);

// The subject names the tab, but only through the page's own check (findOwnRequest: this tenant, this
// end user): another user's request is titled like any missing page, so a title never leaks a subject.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, user } = await getViewer();
  if (!user) return { title: { absolute: `Request · ${tenant.name}` } };
  const request = await ownRequest(tenant.id, user.id, (await params).requestId);
  return { title: { absolute: request ? `${request.subject} · ${tenant.name}` : `Page not found · ${tenant.name}` } };
}

// One of the end user's own requests: the conversation and a reply form. Another user's request
// (or another tenant's) is a 404, the same as one that does not exist.
export default async function RequestPage({ params }: Props) {
  const requester = await requireRequester();
  if (!requester) return <SignInUnavailable helpCenterName={(await getViewer()).tenant.name} />;
  const request = await ownRequest(requester.tenant.id, requester.user.id, (await params).requestId);
  if (!request) notFound();

  const thread = [
    { id: "original", mine: true, authorName: requester.user.name, body: request.message, createdAt: request.createdAt },
    ...request.replies.map((reply) => ({ id: reply.id, mine: reply.author === "end_user", authorName: reply.authorName, body: reply.body, createdAt: reply.createdAt })),
  ];
  return (
    <article className="space-y-6">
      <div>
        <Breadcrumbs trail={[{ href: "/", label: "Home" }, { href: "/requests", label: "My requests" }]} />
        <h1 className="mt-2 break-words text-3xl font-bold tracking-tight">{request.subject}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <RequestStatusBadge status={request.status} /> <span>{END_USER_STATUS_HINTS[request.status]}</span>
        </p>
      </div>
      <ol className="space-y-4" aria-label="Conversation">
        {thread.map((entry) => (
          <li key={entry.id} className={`rounded-lg border p-4 ${entry.mine ? "border-slate-200" : "border-slate-300 bg-brand-50"}`}>
            <p className="text-sm">
              <span className="font-medium">{entry.mine ? "You" : entry.authorName}</span>
              {!entry.mine && <span className="ml-2 text-xs text-slate-600">Support team</span>}
              <span className="text-slate-600"> · <time dateTime={entry.createdAt.toISOString()}>{formatWhen(entry.createdAt)}</time></span>
            </p>
            {/* Plain text, line breaks kept: nothing an end user or staff member types is ever markup. */}
            <p className="mt-2 whitespace-pre-wrap break-words">{entry.body}</p>
          </li>
        ))}
      </ol>
      {request.status === "closed" ? (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          This request is closed. <Link href="/requests" className="font-medium text-brand-700 underline">Raise a new request</Link> if you need more help.
        </p>
      ) : (
        <ReplyForm requestId={request.id} reopens={request.status === "answered"} signInHref={await signInPath()} />
      )}
    </article>
  );
}
