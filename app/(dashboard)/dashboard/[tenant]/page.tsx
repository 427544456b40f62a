import type { Metadata } from "next";
import Link from "next/link";
import { LOG_ROLES, requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { findSsoSettings } from "@/lib/data/sso-config";
import { signInSummary } from "@/lib/data/sso-event-queries";
import { env } from "@/lib/env";
import { formatWhen } from "@/lib/format-when";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { overviewSsoStatus } from "./_components/sso-status";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ role_changed?: string | string[] }> };

export default async function OverviewPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain);
  // Set by Settings → Members when someone steps down to a role without that page. The role shown
  // is the one on record, not the address's.
  const steppedDown = (await searchParams).role_changed !== undefined;
  const [settings, summary] = await Promise.all([findSsoSettings(member.tenant.id), signInSummary(member.tenant.id)]);
  const status = overviewSsoStatus(settings);
  const helpCenter = `${helpCenterAddress(member.tenant, env.APP_URL).origin}/`;
  return (
    <div className="space-y-8">
      {steppedDown && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your role in this help center is now <strong>{member.role}</strong>. The menu shows the pages it includes.
        </p>
      )}
      <header>
        <h1 className="text-2xl font-bold">{member.tenant.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <a href={helpCenter} className="text-brand-700 underline">{helpCenter}</a> · {member.tenant.visibility === "private" ? "Private" : "Public"}
        </p>
      </header>
      <section aria-labelledby="sso-status" className="rounded-lg border border-slate-200 p-5">
        <h2 id="sso-status" className="text-lg font-semibold">Single sign-on</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">Status</dt>
            <dd className={`text-lg font-semibold ${status.working ? "text-green-700" : "text-amber-700"}`}>{status.label}</dd>
            {status.detail && <dd className="mt-1 text-sm text-slate-600">{status.detail}</dd>}
          </div>
          <div>
            <dt className="text-sm text-slate-600">Last successful sign-in</dt>
            <dd className="text-lg font-semibold">
              {summary.lastSuccess ? <time dateTime={summary.lastSuccess.occurredAt.toISOString()}>{formatWhen(summary.lastSuccess.occurredAt)}</time> : "None yet"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Rejected sign-ins, last 24 h</dt>
            <dd className="text-lg font-semibold">
              {LOG_ROLES.includes(member.role) && summary.rejectedLast24h > 0 ? (
                <Link href={`/dashboard/${subdomain}/settings/logs?type=rejected&range=24h`} className="text-brand-700 underline">
                  {summary.rejectedLast24h.toLocaleString("en")}
                </Link>
              ) : (
                summary.rejectedLast24h.toLocaleString("en")
              )}
            </dd>
          </div>
        </dl>
        {SETTINGS_ROLES.includes(member.role) && (
          <Link href={`/dashboard/${subdomain}/settings/security/sso`} className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
            {status.action}
          </Link>
        )}
      </section>
    </div>
  );
}
