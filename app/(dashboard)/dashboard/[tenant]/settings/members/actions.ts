"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction, type ActionState } from "@/lib/auth/member-action";
import { MEMBER_MANAGER_ROLES } from "@/lib/auth/require-member";
import { changeMembership, createInvite, revokeInvite, type MembershipChange } from "@/lib/data/members";
import { env } from "@/lib/env";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from "./schemas";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

// Members: owners and admins manage them; only an owner may hand out or take away the owner role.

const page = (subdomain: string) => `/dashboard/${subdomain}/settings/members`;
const OWNER_ONLY = "Only an owner can give or take away the owner role.";
const LAST_OWNER = "A help center needs at least one owner: make someone else an owner first.";
const SELF_REMOVAL = "You cannot remove yourself: ask another owner or admin to remove you.";
// Checked again under the tenant's lock: a demotion or removal that landed while this waited counts.
const NOT_ALLOWED = "Your role in this help center changed a moment ago, and it no longer lets you do this. Nothing was changed. Reload the page.";

export const inviteMember = memberAction(MEMBER_MANAGER_ROLES, inviteSchema, async ({ email, role }, member): Promise<ActionState<"email" | "role"> & { link?: string }> => {
  const invite = await createInvite(member.tenant.id, email, role, member, new Date(), {
    actor: member,
    describe: (created) => (created.ok ? { action: "member.invited", details: { email, role } } : null),
  });
  if (!invite.ok) {
    if (invite.reason === "not_allowed") return { message: NOT_ALLOWED, values: { email, role } };
    const refusal =
      invite.reason === "already_member"
        ? { email: `${email} is already a member (${invite.role}). Change their role in the list instead.` }
        : role === "owner"
          ? { role: OWNER_ONLY }
          : { email: `${email} has a pending owner invite, which only an owner can replace.` };
    return { fieldErrors: refusal, message: FIELDS_NEED_ATTENTION, values: { email, role } };
  }
  revalidatePath(page(member.tenant.subdomain));
  return {
    ok: true,
    link: new URL(`/invite/${invite.token}`, env.APP_URL).href,
    message: `Invite link for ${email} (valid 7 days, works once; inviting ${email} again replaces it). Copy it now: it is not shown again.`,
  };
});

const MEMBERSHIP_REFUSALS: Record<Exclude<MembershipChange, { ok: true }>["reason"], string> = {
  owner_only: OWNER_ONLY,
  last_owner: LAST_OWNER,
  not_member: "That person is no longer a member.",
  not_allowed: NOT_ALLOWED,
  self_removal: SELF_REMOVAL,
};

export const changeRole = memberAction(MEMBER_MANAGER_ROLES, changeRoleSchema, async ({ userId, role }, member) => {
  const result = await changeMembership(member.tenant.id, userId, role, member, {
    actor: member,
    describe: (change) => (change.ok ? { action: "member.role_changed", details: { email: change.email, previousRole: change.previousRole, role, userId } } : null),
  });
  if (!result.ok) return { message: MEMBERSHIP_REFUSALS[result.reason] };
  revalidatePath(page(member.tenant.subdomain));
  // Stepping down to a role that does not manage members: this page would answer 403 on its next
  // refresh, so go where the new role can read, with the reason in the address (the Overview says it).
  if (userId === member.userId && !MEMBER_MANAGER_ROLES.includes(role)) redirect(`/dashboard/${member.tenant.subdomain}?role_changed=${role}`);
  return { ok: true, message: "Role changed." };
});

export const removeMember = memberAction(MEMBER_MANAGER_ROLES, removeMemberSchema, async ({ userId }, member) => {
  const result = await changeMembership(member.tenant.id, userId, null, member, {
    actor: member,
    describe: (change) => (change.ok ? { action: "member.removed", details: { email: change.email, role: change.previousRole, userId } } : null),
  });
  if (!result.ok) return { message: MEMBERSHIP_REFUSALS[result.reason] };
  revalidatePath(page(member.tenant.subdomain));
  // The row is gone once the page refreshes: the message names who was removed, since it is shown
  // (and focused) above the list rather than beside them.
  return { ok: true, message: `Member removed: ${result.email} no longer has access to this help center's dashboard.` };
});

export const cancelInvite = memberAction(MEMBER_MANAGER_ROLES, revokeInviteSchema, async ({ inviteId }, member) => {
  const result = await revokeInvite(member.tenant.id, inviteId, member, {
    actor: member,
    describe: (revocation) => (revocation.status === "revoked" ? { action: "member.invite_revoked", details: { email: revocation.email, role: revocation.role, inviteId } } : null),
  });
  if (result.status === "not_allowed") return { message: NOT_ALLOWED };
  if (result.status === "owner_only") return { message: "Only an owner can revoke an owner invite." };
  if (result.status === "not_found") return { message: "That invite was already used, revoked or expired." };
  revalidatePath(page(member.tenant.subdomain));
  // Shown above the list (the row is gone once the page refreshes), so it names whose invite it was.
  return { ok: true, message: `Invite revoked: the link sent to ${result.email} no longer works.` };
});
