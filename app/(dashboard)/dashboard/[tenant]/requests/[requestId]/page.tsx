import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestStatusBadge } from "@/components/request-status-badge";
import { memberRecordLoader, REQUEST_ROLES } from "@/lib/auth/require-member";
import { findRequestForStaff } from "@/lib/data/support-requests";
import { formatWhen } from "@/lib/format-when";
import { RequestForms } from "../_components/request-forms";

type Props = { params: Promise<{ tenant: string; requestId: string }> };

const loadRequest = memberRecordLoader(REQUEST_ROLES, findRequestForStaff);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant: subdomain, requestId } = await params;
  const { record: request } = await loadRequest(subdomain, requestId);
  return { title: request ? `${request.subject} · Requests` : "Not found" };
}

// One request: who raised it, the conversation, a reply form and the status. A request of another
// tenant is a 404, the same as an id that does not exist.
export default async function RequestDetailPage({ params }: Props) {
  const { tenant: subdomain, requestId } = await params;
  const { record: request } = await loadRequest(subdomain, requestId);
  if (!request) notFound();
  const requester = request.endUser;
  const thread = [
    { id: "original", staff: false, authorName: requester.name, body: request.message, createdAt: request.createdAt },
    ...request.replies.map((reply) => ({ id: reply.id, staff: reply.author === "staff", authorName: reply.authorName, body: reply.body, createdAt: reply.createdAt })),
  ];

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/dashboard/${subdomain}/requests`} className="text-sm text-brand-700 underline">← Back to requests</Link>
        <h1 className="mt-3 break-words text-2xl font-bold">{request.subject}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <RequestStatusBadge status={request.status} />
          <span>
            Raised by {requester.name} ({requester.email}{requester.externalId ? `, external ID ${requester.externalId}` : ""}) on{" "}
            <time dateTime={request.createdAt.toISOString()}>{formatWhen(request.createdAt)}</time>
          </span>
        </p>
      </div>
      <ol className="space-y-4" aria-label="Conversation">
        {thread.map((entry) => (
          <li key={entry.id} className={`rounded-lg border p-4 ${entry.staff ? "border-slate-300 bg-brand-50" : "border-slate-200"}`}>
            <p className="text-sm">
              <span className="font-medium">{entry.authorName}</span>
              <span className="ml-2 text-xs text-slate-600">{entry.staff ? "Staff" : "Requester"}</span>
              <span className="text-slate-600"> · <time dateTime={entry.createdAt.toISOString()}>{formatWhen(entry.createdAt)}</time></span>
            </p>
            {/* Plain text, line breaks kept: what an end user typed is never rendered as markup. */}
            <p className="mt-2 whitespace-pre-wrap break-words">{entry.body}</p>
          </li>
        ))}
      </ol>
      <RequestForms subdomain={subdomain} requestId={request.id} status={request.status} />
    </div>
  );
}
