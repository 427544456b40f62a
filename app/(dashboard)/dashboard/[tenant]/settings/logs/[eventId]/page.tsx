import { CodeText } from "@/components/code-text";
import type { Metadata } from "next";
import Link from "next/link";
import { formatUtcSeconds } from "@/lib/format-when";
import { notFound } from "next/navigation";
import { LOG_ROLES, memberRecordLoader } from "@/lib/auth/require-member";
import { findSsoEvent, otherEventsOfSameUser } from "@/lib/data/sso-event-queries";
import { explainEvent, type StepStatus } from "@/lib/logs/explain-event";
import { logQueryString, parseLogQuery } from "@/lib/logs/log-query";
import { tokenAsRead } from "@/lib/logs/token-as-read";
import { EVENT_TYPE_LABELS } from "../_components/event-labels";

type Props = { params: Promise<{ tenant: string; eventId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Event ids are bigints: anything else in the address is no event (and no query).
const loadEvent = memberRecordLoader(LOG_ROLES, (tenantId, eventId) => (/^\d{1,18}$/.test(eventId) ? findSsoEvent(tenantId, BigInt(eventId)) : Promise.resolve(null)));

const labelOf = (eventType: string) => EVENT_TYPE_LABELS[eventType] ?? eventType;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant: subdomain, eventId } = await params;
  const { record: event } = await loadEvent(subdomain, eventId);
  return { title: event ? `${labelOf(event.eventType)}, ${formatUtcSeconds(event.occurredAt)} UTC · Logs` : "Not found" };
}

const STEP_MARK: Record<StepStatus, { icon: string; className: string }> = {
  passed: { icon: "✓", className: "text-green-700" },
  failed: { icon: "✗", className: "font-semibold text-red-700" },
  "not reached": { icon: "·", className: "text-slate-500" },
  // Never a ✓ for a check that did not run, or may not have: a dash, and the step's note says why.
  "not checked": { icon: "—", className: "text-slate-500" },
  conditional: { icon: "—", className: "text-slate-500" },
};

// One event: what the token said (header and claims as we read them), which check failed, what that
// means and how to fix it, and the same person's other recent events.
export default async function LogEventPage({ params, searchParams }: Props) {
  const { tenant: subdomain, eventId } = await params;
  const { member, record: event } = await loadEvent(subdomain, eventId);
  if (!event) notFound();
  const others = await otherEventsOfSameUser(member.tenant.id, event);
  const explained = explainEvent(event);
  const base = `/dashboard/${subdomain}/settings/logs`;
  const backQuery = logQueryString({ ...parseLogQuery(await searchParams), cursor: undefined });
  const verified = event.details.verified;
  const token = tokenAsRead(event);

  return (
    <div>
      <Link href={`${base}${backQuery}`} className="text-sm text-brand-700 underline">← Back to logs</Link>
      <h1 className="mt-3 text-2xl font-bold">
        {labelOf(event.eventType)}
        {event.reasonCode && <span className="ml-2 font-mono text-lg text-red-700">{event.reasonCode}</span>}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        <time dateTime={event.occurredAt.toISOString()}>{formatUtcSeconds(event.occurredAt)} UTC</time> · {event.eventType}
        {event.repeatCount > 1 && <> · happened {event.repeatCount.toLocaleString("en")} times from this IP within a second or so (identical rejections are folded into one row)</>}
      </p>

      <section aria-labelledby="what-happened" className={`mt-6 rounded-lg border p-4 [overflow-wrap:anywhere] ${event.outcome === "rejected" ? "border-red-200 bg-red-50" : "border-slate-200"}`}>
        <h2 id="what-happened" className="font-semibold">What happened</h2>
        <p className="mt-2"><CodeText text={explained.explanation} /></p>
        {explained.failedCheck && <p className="mt-2 text-sm"><span className="font-medium">Failed check:</span> {explained.failedCheck}</p>}
        {explained.fix && <p className="mt-2 text-sm"><span className="font-medium">How to fix it:</span> <CodeText text={explained.fix} /></p>}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="checks">
          <h2 id="checks" className="font-semibold">Checks, in order</h2>
          <ol className="mt-2 space-y-1 text-sm">
            {explained.steps.map((step) => (
              <li key={step.label} className={STEP_MARK[step.status].className}>
                <span aria-hidden className="inline-block w-4">{STEP_MARK[step.status].icon}</span> {step.label}
                {step.note ? <span className="text-xs"> ({step.note})</span> : <span className="sr-only"> ({step.status})</span>}
                {step.status === "not reached" && <span aria-hidden className="text-xs"> (not reached)</span>}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="request">
          <h2 id="request" className="font-semibold">Request</h2>
          <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">Request ID</dt><dd className="font-mono text-xs break-all">{event.requestId ?? "—"}</dd>
            <dt className="text-slate-600">Client IP</dt><dd className="font-mono text-xs break-all">{event.clientIp ?? "—"}</dd>
            <dt className="text-slate-600">User agent</dt><dd className="text-xs break-all">{event.userAgent ?? "—"}</dd>
            {/* Widget and read-API refusals: which API and address the token was sent to. */}
            {typeof event.details.path === "string" && (
              <>
                <dt className="text-slate-600">Called</dt>
                <dd className="font-mono text-xs break-all">{typeof event.details.surface === "string" ? `${event.details.surface} ` : ""}{event.details.path}</dd>
              </>
            )}
          </dl>
        </section>
      </div>

      <section aria-labelledby="token" className="mt-6">
        <h2 id="token" className="font-semibold">The token, as read</h2>
        {verified === false && (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            Unverified: the signature did not verify, so anyone could have written these values. The token itself is never stored.
          </p>
        )}
        {/* min-w-0: a long claim scrolls inside its box instead of widening the page. */}
        <div className="mt-2 grid gap-4 lg:grid-cols-2">
          <div className="min-w-0">
            <h3 className="text-sm font-medium">Header</h3>
            <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{token.header ? JSON.stringify(token.header, null, 2) : token.headerNote}</pre>
          </div>
          <div className="min-w-0">
            <h3 className="text-sm font-medium">Claims</h3>
            <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{token.claims ? JSON.stringify(token.claims, null, 2) : token.claimsNote}</pre>
          </div>
        </div>
      </section>

      <section aria-labelledby="same-user" className="mt-6">
        <h2 id="same-user" className="font-semibold [overflow-wrap:anywhere]">Other recent events of {event.email ?? event.externalId ?? "this user"}</h2>
        {!event.email && !event.externalId ? (
          <p className="mt-2 text-sm text-slate-600">This event names no email or external ID, so there is no one to look up.</p>
        ) : others.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {others.map((other) => (
              <li key={other.id.toString()} className="flex gap-4 py-1.5">
                <Link href={`${base}/${other.id}${backQuery}`} className="text-brand-700 hover:underline"><time dateTime={other.occurredAt.toISOString()}>{formatUtcSeconds(other.occurredAt)}</time></Link>
                <span>{labelOf(other.eventType)}</span>
                <span className="font-mono text-xs">{other.reasonCode ?? ""}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
