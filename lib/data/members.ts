import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MEMBER_MANAGER_ROLES } from "@/lib/auth/roles";
import { generateOpaqueToken, hashOpaqueToken } from "@/lib/sso/opaque-token";
import { changeWithAudit, writeAuditIn, type Audited } from "./audit";
import type { MemberRole } from "./memberships";

// Members of a tenant and invitations to join it. Changes that could leave a tenant without an
// owner run under a lock on the tenant row, so two admins acting at once cannot both succeed.
// Only an owner gives or takes away the owner role, pending owner invites included; that rule is
// checked here, inside the same transaction as the change, so a promotion landing a moment before
// an admin's edit cannot slip past it. So is the actor's own role: see managerRoleIn.

/** The member making a change. Their role is read under the tenant's lock (managerRoleIn). */
export interface Actor {
  userId: string;
}

/** The actor lost the right to manage members (demoted or removed) while the change waited. */
const NOT_ALLOWED = { ok: false, reason: "not_allowed" } as const;

/**
 * The actor's role as it stands now, inside the change's transaction and after the tenant's row
 * is locked; null when they no longer manage members. The role their request was let in with may
 * be stale: two owners demoting each other at once queue on the lock (NO KEY UPDATE), and the
 * second must act as the admin it has just become (refused), not as the owner it was (both would
 * succeed, a result no order of the two changes gives). Invites lock KEY SHARE and do not queue
 * behind a member change; one that runs beside the actor's demotion reads the role from before it
 * and so counts as made just before it, which is an order the two changes could have had.
 */
async function managerRoleIn(tx: Prisma.TransactionClient, tenantId: string, actor: Actor): Promise<MemberRole | null> {
  const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: actor.userId } }, select: { role: true } });
  return membership && MEMBER_MANAGER_ROLES.includes(membership.role) ? membership.role : null;
}

export const INVITE_LIFETIME_DAYS = 7;

/** The invites an actor with this role may delete: an owner any, anyone else all but owner invites. */
function invitesDroppableBy(actorRole: MemberRole): { role?: { not: "owner" } } {
  return actorRole === "owner" ? {} : { role: { not: "owner" } };
}

export async function listMembers(tenantId: string) {
  const rows = await getDb().membership.findMany({
    where: { tenantId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((row) => ({ userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role, since: row.createdAt }));
}

export async function listPendingInvites(tenantId: string, now: Date = new Date()) {
  return getDb().memberInvite.findMany({
    where: { tenantId, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}

export type InviteCreation =
  | { ok: true; token: string }
  | { ok: false; reason: "already_member"; role: MemberRole }
  | { ok: false; reason: "owner_only" | "not_allowed" };

/**
 * Returns the invite token (shown once, as a link); only its hash is stored. A new invite replaces
 * an unused one for the same email, so inviting again is how a lost link is replaced and only the
 * newest link works. Someone who is already a member is not invited.
 */
export async function createInvite(
  tenantId: string,
  email: string,
  role: MemberRole,
  actor: Actor,
  now: Date = new Date(),
  audit?: Audited<InviteCreation>,
): Promise<InviteCreation> {
  const normalizedEmail = email.trim().toLowerCase();
  const token = generateOpaqueToken();
  return changeWithAudit(tenantId, audit, async (tx) => {
    const actorRole = await managerRoleIn(tx, tenantId, actor);
    if (!actorRole) return NOT_ALLOWED;
    if (actorRole !== "owner") {
      if (role === "owner") return { ok: false, reason: "owner_only" } as const;
      // Replacing an owner's invite would take the owner role back from it. An expired one is not
      // listed on the page, so it must not stand in the way either.
      const ownerInvite = await tx.memberInvite.count({ where: { tenantId, email: normalizedEmail, usedAt: null, expiresAt: { gt: now }, role: "owner" } });
      if (ownerInvite > 0) return { ok: false, reason: "owner_only" } as const;
    }
    const existing = await tx.membership.findFirst({ where: { tenantId, user: { email: normalizedEmail } }, select: { role: true } });
    if (existing) return { ok: false, reason: "already_member", role: existing.role } as const;
    // The role filter again: an owner invite made since the check above is not an admin's to drop.
    await tx.memberInvite.deleteMany({ where: { tenantId, email: normalizedEmail, usedAt: null, ...invitesDroppableBy(actorRole) } });
    await tx.memberInvite.create({
      data: {
        tenantId,
        email: normalizedEmail,
        role,
        tokenHash: hashOpaqueToken(token),
        createdById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000),
      },
      select: { id: true },
    });
    return { ok: true, token } as const;
  });
}

export type InviteRevocation = { status: "revoked"; email: string; role: MemberRole } | { status: "owner_only" } | { status: "not_found" } | { status: "not_allowed" };

/** Deletes an unused invite of this tenant; an owner invite only when an owner asks. */
export async function revokeInvite(tenantId: string, inviteId: string, actor: Actor, audit?: Audited<InviteRevocation>): Promise<InviteRevocation> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const actorRole = await managerRoleIn(tx, tenantId, actor);
    if (!actorRole) return { status: "not_allowed" } as const;
    const droppable = { id: inviteId, tenantId, usedAt: null, ...invitesDroppableBy(actorRole) };
    const invite = await tx.memberInvite.findFirst({ where: droppable, select: { email: true, role: true } });
    // Deleted under the same filter: one used or revoked since the read is left alone, and reported
    // as not found rather than revoked twice.
    if (invite && (await tx.memberInvite.deleteMany({ where: droppable })).count === 1) {
      return { status: "revoked", email: invite.email, role: invite.role } as const;
    }
    if (actorRole === "owner") return { status: "not_found" } as const;
    const ownerInvite = await tx.memberInvite.count({ where: { id: inviteId, tenantId, usedAt: null, role: "owner" } });
    return ownerInvite > 0 ? ({ status: "owner_only" } as const) : ({ status: "not_found" } as const);
  });
}

type UsableInvite = { id: string; email: string; role: MemberRole; tenant: { id: string; name: string; subdomain: string } };

/** One query for a usable invite, outside a transaction (the invite page) and inside (accepting it). */
function usableInviteQuery(token: string, now: Date) {
  return {
    where: { tokenHash: hashOpaqueToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, tenant: { select: { id: true, name: true, subdomain: true } } },
  } satisfies Prisma.MemberInviteFindFirstArgs;
}

/** The invite a link names, while it is unused and unexpired; null otherwise. */
export function findUsableInvite(token: string, now: Date = new Date()): Promise<UsableInvite | null> {
  return getDb().memberInvite.findFirst(usableInviteQuery(token, now));
}

export type InviteAcceptance = { ok: true; subdomain: string; tenantId: string } | { ok: false; reason: "invalid" | "email" };

const INVALID_INVITE = { ok: false, reason: "invalid" } as const;

/**
 * Marks the invite used and makes the user a member; false when someone used the invite a moment
 * ago (a link works once), having changed nothing.
 */
async function joinByInviteIn(tx: Prisma.TransactionClient, invite: UsableInvite, userId: string, now: Date): Promise<boolean> {
  const used = await tx.memberInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) return false;
  await tx.membership.upsert({
    where: { tenantId_userId: { tenantId: invite.tenant.id, userId } },
    create: { tenantId: invite.tenant.id, userId, role: invite.role },
    update: {},
  });
  return true;
}

/** Uses the invite once, for the user whose email it was made for. */
export async function acceptInvite(
  token: string,
  user: { id: string; email: string },
  now: Date = new Date(),
  audit?: Audited<InviteAcceptance>,
): Promise<InviteAcceptance> {
  return getDb().$transaction(async (tx) => {
    const invite = await tx.memberInvite.findFirst(usableInviteQuery(token, now));
    if (!invite) return INVALID_INVITE;
    if (invite.email !== user.email.toLowerCase()) return { ok: false, reason: "email" } as const;
    if (!(await joinByInviteIn(tx, invite, user.id, now))) return INVALID_INVITE;
    const joined = { ok: true, subdomain: invite.tenant.subdomain, tenantId: invite.tenant.id } as const;
    await writeAuditIn(tx, invite.tenant.id, audit, joined);
    return joined;
  });
}

export type NewAccountAcceptance =
  | { ok: true; subdomain: string; tenantId: string; userId: string }
  | { ok: false; reason: "invalid" | "account_exists" };

/** Thrown inside the transaction to undo the account it created: the invite was used meanwhile. */
class InviteUsedMeanwhile extends Error {}

/**
 * Someone without an account joins by invite: the account for the invite's email, the use of the
 * invite, the membership and the audit entry (its actor the new account) commit together or not at
 * all. An account is never left behind by a join that failed; had it been, its owner could not
 * create it again, and signing in would be the only way on.
 */
export async function acceptInviteWithNewAccount(
  token: string,
  account: { name: string; passwordHash: string },
  now: Date = new Date(),
  describe?: Audited<NewAccountAcceptance>["describe"],
): Promise<NewAccountAcceptance> {
  try {
    return await getDb().$transaction(async (tx) => {
      const invite = await tx.memberInvite.findFirst(usableInviteQuery(token, now));
      if (!invite) return INVALID_INVITE;
      const userId = randomUUID();
      // ON CONFLICT DO NOTHING: a taken email is an answer, not an error that would abort the transaction.
      const created = await tx.user.createMany({ data: [{ id: userId, email: invite.email, name: account.name, passwordHash: account.passwordHash }], skipDuplicates: true });
      if (created.count === 0) return { ok: false, reason: "account_exists" } as const;
      if (!(await joinByInviteIn(tx, invite, userId, now))) throw new InviteUsedMeanwhile();
      const joined = { ok: true, subdomain: invite.tenant.subdomain, tenantId: invite.tenant.id, userId } as const;
      if (describe) await writeAuditIn(tx, invite.tenant.id, { actor: { userId, email: invite.email }, describe }, joined);
      return joined;
    });
  } catch (error) {
    if (error instanceof InviteUsedMeanwhile) return INVALID_INVITE;
    throw error;
  }
}

/** On success, who it was and what they were: the audit entry names them (a user id alone says little). */
export type MembershipChange =
  | { ok: true; email: string; previousRole: MemberRole }
  | { ok: false; reason: "last_owner" | "not_member" | "owner_only" | "not_allowed" | "self_removal" };

/**
 * Changes a member's role, or removes them (role null); never leaves the tenant without an owner,
 * and only an owner may touch the owner role. Nobody removes themselves: it would lock them out of
 * the page they pressed it on, with no way back but a new invite, and it is never the only way out,
 * since another owner or admin can always do it (the last owner cannot leave at all: see last_owner,
 * checked first because it is the reason that still holds once someone else is asked).
 */
export async function changeMembership(
  tenantId: string,
  userId: string,
  role: MemberRole | null,
  actor: Actor,
  audit?: Audited<MembershipChange>,
): Promise<MembershipChange> {
  // The tenant's row stays locked until the change commits, so two admins demoting the last two
  // owners queue and the second counts one owner. NO KEY UPDATE: sign-ins go on meanwhile.
  return changeWithAudit(tenantId, audit, async (tx) => {
    const actorRole = await managerRoleIn(tx, tenantId, actor);
    if (!actorRole) return NOT_ALLOWED;
    const current = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { role: true, user: { select: { email: true } } } });
    if (!current) return { ok: false, reason: "not_member" } as const;
    if ((current.role === "owner" || role === "owner") && actorRole !== "owner") return { ok: false, reason: "owner_only" } as const;
    if (current.role === "owner" && role !== "owner") {
      const owners = await tx.membership.count({ where: { tenantId, role: "owner" } });
      if (owners <= 1) return { ok: false, reason: "last_owner" } as const;
    }
    if (role === null && userId === actor.userId) return { ok: false, reason: "self_removal" } as const;
    if (role === null) await tx.membership.delete({ where: { tenantId_userId: { tenantId, userId } } });
    else await tx.membership.update({ where: { tenantId_userId: { tenantId, userId } }, data: { role } });
    return { ok: true, email: current.user.email, previousRole: current.role } as const;
  }, { lockTenant: "no key update" });
}
