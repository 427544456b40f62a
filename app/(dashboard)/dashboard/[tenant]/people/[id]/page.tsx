import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LOG_ROLES, memberRecordLoader, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { countLiveEndUserSessions } from "@/lib/data/end-user-sessions";
import { findEndUser } from "@/lib/data/end-users";
import { findLogRetentionDays } from "@/lib/data/tenants";
import { formatWhen } from "@/lib/format-when";
import { logQueryString, RANGE_PRESETS, type LogQuery, type RangePreset } from "@/lib/logs/log-query";
import { PersonActions } from "../_components/person-actions";
import { SuspendedBadge } from "../_components/suspended-badge";

type Props = { params: Promise<{ tenant: string; id: string }> };

const loadPerson = memberRecordLoader(LOG_ROLES, findEndUser);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant: subdomain, id } = await params;
  const { record: person } = await loadPerson(subdomain, id);
  return { title: person ? `${person.name.trim() || person.email} · People` : "Not found" };
}

/**
 * Settings → Logs searching for this person over every event still kept: the shortest preset
 * range that covers the tenant's retention, or a custom range from the oldest day kept.
 */
function logsQueryFor(email: string, retentionDays: number, now: Date): LogQuery {
  const presets = Object.entries(RANGE_PRESETS) as [RangePreset, number][];
  const preset = presets.find(([, seconds]) => seconds >= retentionDays * 86400)?.[0];
  return preset ? { q: email, range: preset } : { q: email, range: "custom", from: new Date(now.getTime() - retentionDays * 86400 * 1000) };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-[11rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 min-w-0 break-words text-sm sm:mt-0">{children}</dd>
    </div>
  );
}

const NONE = <span className="text-slate-500">None</span>;

// One end user: everything stored about them, their live sessions, their sign-in events, and (for
// owners and admins) suspend, lift and sign out. Another tenant's person is a 404, the same as an
// id that does not exist.
export default async function PersonPage({ params }: Props) {
  const { tenant: subdomain, id } = await params;
  const { member, record: person } = await loadPerson(subdomain, id);
  if (!person) notFound();
  const [liveSessions, retentionDays] = await Promise.all([countLiveEndUserSessions(member.tenant.id, { endUserId: person.id }), findLogRetentionDays(member.tenant.id)]);
  const logsHref = `/dashboard/${subdomain}/settings/logs${logQueryString(logsQueryFor(person.email, retentionDays, new Date()))}`;
  const customFields = person.customFields && typeof person.customFields === "object" && Object.keys(person.customFields).length > 0 ? JSON.stringify(person.customFields, null, 2) : null;

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/dashboard/${subdomain}/people`} className="text-sm text-brand-700 underline">← Back to people</Link>
        <h1 className="mt-3 flex flex-wrap items-center gap-3 break-words text-2xl font-bold">
          {person.name}
          {person.suspended && <SuspendedBadge />}
        </h1>
        <p className="mt-1 break-all text-sm text-slate-600">{person.email}</p>
      </div>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="sr-only">Details</h2>
        <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 px-4">
          <Field label="Email">{person.email}</Field>
          <Field label="External ID">{person.externalId ? <span className="font-mono text-xs break-all">{person.externalId}</span> : NONE}</Field>
          <Field label="Role">{person.role}</Field>
          <Field label="Language">{person.lang ?? NONE}</Field>
          {/* As text, never loaded: the address came from a token and is the tenant's to vouch for. */}
          <Field label="Avatar URL">{person.avatarUrl ? <span className="break-all">{person.avatarUrl}</span> : NONE}</Field>
          <Field label="Groups">
            {person.groups.length > 0 ? (
              <ul className="flex flex-wrap gap-1">
                {person.groups.map((group) => (
                  <li key={group} className="rounded bg-slate-100 px-1.5 text-xs text-slate-800">{group}</li>
                ))}
              </ul>
            ) : (
              NONE
            )}
          </Field>
          <Field label="Custom fields">
            {customFields ? <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">{customFields}</pre> : NONE}
          </Field>
          <Field label="First sign-in"><time dateTime={person.firstLoginAt.toISOString()}>{formatWhen(person.firstLoginAt)}</time></Field>
          <Field label="Last sign-in"><time dateTime={person.lastLoginAt.toISOString()}>{formatWhen(person.lastLoginAt)}</time></Field>
          <Field label="Live sessions">{liveSessions}</Field>
          <Field label="Status">{person.suspended ? "Suspended" : "Active"}</Field>
          <Field label="Gatehouse ID"><span className="font-mono text-xs break-all">{person.id}</span></Field>
        </dl>
        <p className="mt-3 text-sm [overflow-wrap:anywhere]">
          <Link href={logsHref} className="text-brand-700 underline">Sign-in events of {person.email} in Logs</Link>
        </p>
      </section>

      {SETTINGS_ROLES.includes(member.role) ? (
        <PersonActions subdomain={subdomain} person={{ id: person.id, email: person.email, suspended: person.suspended, liveSessions }} />
      ) : (
        <p className="text-sm text-slate-600">Owners and admins can sign this person out or suspend them.</p>
      )}
    </div>
  );
}
