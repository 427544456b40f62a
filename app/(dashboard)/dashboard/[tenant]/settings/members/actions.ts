"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionState } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit } from "@/lib/data/audit";
import { changeMembership, createInvite, findMemberRole, revokeInvite } from "@/lib/data/members";
import { env } from "@/lib/env";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from "./schemas";

// Members: owners and admins manage them; only an owner may hand out or take away the owner role.

const page = (subdomain: string) => `/dashboard/${subdomain}/settings/members`;
const OWNER_ONLY = "Only an owner can give or take away the owner role.";
const LAST_OWNER = "A help center needs at least one owner: make someone else an owner first.";

export const inviteMember = memberAction(SETTINGS_ROLES, inviteSchema, async ({ email, role }, member): Promise<ActionState<"email" | "role"> & { link?: string }> => {
  if (role === "owner" && member.role !== "owner") return { fieldErrors: { role: OWNER_ONLY }, values: { email, role } };
  const invite = await createInvite(member.tenant.id, email, role, member.userId);
  if (!invite.ok) return { fieldErrors: { email: `${email} is already a member (${invite.role}). Change their role in the list instead.` }, values: { email, role } };
  await recordAudit(member.tenant.id, member, "member.invited", { email, role });
  revalidatePath(page(member.tenant.subdomain));
  return {
    ok: true,
    link: new URL(`/invite/${invite.token}`, env.APP_URL).href,
    message: `Invite link for ${email} (valid 7 days, works once; inviting ${email} again replaces it). Copy it now: it is not shown again.`,
  };
});

export const changeRole = memberAction(SETTINGS_ROLES, changeRoleSchema, async ({ userId, role }, member) => {
  const targetIsOwner = await isOwner(member.tenant.id, userId);
  if ((role === "owner" || targetIsOwner) && member.role !== "owner") return { message: OWNER_ONLY };
  const result = await changeMembership(member.tenant.id, userId, role);
  if (!result.ok) return { message: result.reason === "last_owner" ? LAST_OWNER : "That person is no longer a member." };
  await recordAudit(member.tenant.id, member, "member.role_changed", { userId, role });
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: "Role changed." };
});

export const removeMember = memberAction(SETTINGS_ROLES, removeMemberSchema, async ({ userId }, member) => {
  if ((await isOwner(member.tenant.id, userId)) && member.role !== "owner") return { message: OWNER_ONLY };
  const result = await changeMembership(member.tenant.id, userId, null);
  if (!result.ok) return { message: result.reason === "last_owner" ? LAST_OWNER : "That person is no longer a member." };
  await recordAudit(member.tenant.id, member, "member.removed", { userId });
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: "Member removed." };
});

export const cancelInvite = memberAction(SETTINGS_ROLES, revokeInviteSchema, async ({ inviteId }, member) => {
  await revokeInvite(member.tenant.id, inviteId);
  await recordAudit(member.tenant.id, member, "member.invite_revoked", { inviteId });
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: "Invite revoked." };
});

async function isOwner(tenantId: string, userId: string): Promise<boolean> {
  return (await findMemberRole(tenantId, userId)) === "owner";
}
