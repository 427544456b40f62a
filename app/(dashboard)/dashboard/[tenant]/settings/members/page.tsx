import type { Metadata } from "next";
import { MEMBER_MANAGER_ROLES, requireMember } from "@/lib/auth/require-member";
import { listMembers, listPendingInvites } from "@/lib/data/members";
import { InviteForm } from "./_components/invite-form";
import { MemberList } from "./_components/member-list";
import { PendingInviteList } from "./_components/invite-list";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ tenant: string }> };

export default async function MembersPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, MEMBER_MANAGER_ROLES);
  const [members, invites] = await Promise.all([listMembers(member.tenant.id), listPendingInvites(member.tenant.id)]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">Members</h1>
        <p className="mt-1 text-sm text-slate-600">Owners and admins manage settings and secrets; support reads logs; editors edit content.</p>
      </header>
      <InviteForm subdomain={subdomain} canInviteOwners={member.role === "owner"} />
      <MemberList
        subdomain={subdomain}
        members={members.map((m) => ({ userId: m.userId, email: m.email, role: m.role }))}
        selfId={member.userId}
        canManageOwners={member.role === "owner"}
      />
      <PendingInviteList
        subdomain={subdomain}
        invites={invites.map((invite) => ({ id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString() }))}
        canManageOwners={member.role === "owner"}
      />
    </div>
  );
}
