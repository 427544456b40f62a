import type { Metadata } from "next";
import { formatUtcSeconds } from "@/lib/format-when";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { listAuditEntries } from "@/lib/data/audit";

export const metadata: Metadata = { title: "Audit" };

type Props = { params: Promise<{ tenant: string }> };

const ACTIONS: Record<string, string> = {
  "tenant.created": "Created the help center",
  "tenant.settings.updated": "Changed general settings",
  "tenant.custom_domain.changed": "Changed the custom domain",
  "tenant.custom_domain.requested": "Asked to use a custom domain",
  "tenant.custom_domain.request_cancelled": "Cancelled a custom domain request",
  "tenant.custom_domain.redirect_changed": "Changed whether readers are sent to the custom domain",
  "sso.settings.updated": "Changed JWT settings",
  "sso.secret.generated": "Generated the shared secret",
  "sso.secret.regenerated": "Regenerated the shared secret",
  "sso.secret.revealed": "Revealed the shared secret",
  "sso.secret.pasted": "Set a pasted shared secret",
  "sso.enabled": "Turned SSO on",
  "sso.disabled": "Turned SSO off",
  "tenant.visibility.changed": "Changed visibility",
  "member.invited": "Invited a member",
  "member.joined": "Joined by invite",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.invite_revoked": "Revoked an invite",
  "sso.allowed_domains.updated": "Changed the Allowed domains",
  "sso.test_token_minted": "Minted a test token",
  "sso.sessions.ended_all": "Signed every reader out",
  "end_user.suspended": "Suspended a reader",
  "end_user.unsuspended": "Lifted a reader's suspension",
  "end_user.signed_out": "Signed a reader out everywhere",
  "content.category.created": "Created a category",
  "content.category.updated": "Edited a category",
  "content.category.deleted": "Deleted a category",
  "content.article.created": "Created an article",
  "content.article.updated": "Edited an article",
  "content.article.deleted": "Deleted an article",
  "request.replied": "Replied to a request",
  "request.status_changed": "Changed a request's status",
};

export default async function AuditPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const entries = await listAuditEntries(member.tenant.id);
  return (
    <div>
      <h1 className="text-2xl font-bold">Audit trail</h1>
      <p className="mt-1 text-sm text-slate-600">Every settings change, secret generation, regeneration and reveal, content edit and answer to a request: who, when, what. Secret values and tokens are never recorded.</p>
      <div className="relative mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr><th scope="col" className="py-2 pr-4">When (UTC)</th><th scope="col" className="py-2 pr-4">Who</th><th scope="col" className="py-2 pr-4">What</th><th scope="col" className="py-2">Details</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={entry.occurredAt.toISOString()}>{formatUtcSeconds(entry.occurredAt)}</time></td>
                <td className="py-2 pr-4">{entry.actorEmail ?? "—"}</td>
                <td className="py-2 pr-4">{ACTIONS[entry.action] ?? entry.action}</td>
                <td className="py-2 font-mono text-xs text-slate-600 break-all">{Object.keys(entry.details as object).length ? JSON.stringify(entry.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <p className="mt-4 text-slate-600">Nothing has changed yet.</p>}
      </div>
    </div>
  );
}
