import type { Metadata } from "next";
import { LOG_ROLES, requireMember } from "@/lib/auth/require-member";
import { listRecentSsoEvents } from "@/lib/data/sso-events";

export const metadata: Metadata = { title: "Logs" };

type Props = { params: Promise<{ tenant: string }> };

// The newest sign-in events with their reason codes. Filters, search, the chart and export come
// with the logs work (issue 5); this is the list support staff start from.
export default async function LogsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, LOG_ROLES);
  const events = await listRecentSsoEvents(member.tenant.id, 100);
  return (
    <div>
      <h1 className="text-2xl font-bold">Logs</h1>
      <p className="mt-1 text-sm text-slate-600">The latest 100 sign-in events, newest first. Each refused sign-in shows its reason code; the visitor saw the same code and request ID.</p>
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
        {events.length === 0 && <p className="mt-4 text-slate-600">No sign-in events yet.</p>}
      </div>
    </div>
  );
}
