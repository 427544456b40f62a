import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeWithAudit, type Audited } from "./audit";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";

export interface SignedInEndUser {
  sessionId: string;
  id: string;
  name: string;
  email: string;
  role: "viewer" | "editor" | "admin";
  groups: string[];
}

/** The signed-in end user behind a session cookie, or null (unknown, expired, revoked, suspended). */
export async function findSignedInEndUser(tenantId: string, cookieValue: string, now: Date = new Date()): Promise<SignedInEndUser | null> {
  const session = await getDb().endUserSession.findFirst({
    where: { tokenHash: hashOpaqueToken(cookieValue), tenantId, revokedAt: null, expiresAt: { gt: now }, endUser: { suspended: false } },
    select: { id: true, endUser: { select: { id: true, name: true, email: true, role: true, groups: true } } },
  });
  return session ? { sessionId: session.id, ...session.endUser } : null;
}

/** Who the live session behind a cookie belongs to, or null when there is none. */
export async function findSessionHolder(tenantId: string, cookieValue: string, now: Date = new Date()): Promise<{ email: string; externalId: string | null } | null> {
  const session = await getDb().endUserSession.findFirst({
    where: { tokenHash: hashOpaqueToken(cookieValue), tenantId, revokedAt: null, expiresAt: { gt: now } },
    select: { endUser: { select: { email: true, externalId: true } } },
  });
  return session?.endUser ?? null;
}

/** Ends the session behind a cookie; returns who it belonged to, or null when there was none. */
export async function endSession(tenantId: string, cookieValue: string, now: Date = new Date()) {
  const session = await getDb().endUserSession.findFirst({
    where: { tokenHash: hashOpaqueToken(cookieValue), tenantId, revokedAt: null },
    select: { id: true, endUser: { select: { email: true, externalId: true } } },
  });
  if (!session) return null;
  await getDb().endUserSession.updateMany({ where: { id: session.id, tenantId }, data: { revokedAt: now } });
  return session.endUser;
}

/** The tenant's sessions (or one end user's) that are live at `now`: not revoked, not expired. */
function liveSessions(tenantId: string, endUserId: string | undefined, now: Date) {
  return { tenantId, ...(endUserId ? { endUserId } : {}), revokedAt: null, expiresAt: { gt: now } };
}

/**
 * Ends every live session of the tenant, or of one of its end users: the "sign everyone out"
 * after a leaked secret, and the per-person sign-out in People. Returns how many were ended.
 */
export async function revokeEndUserSessions(
  tenantId: string,
  options: { endUserId?: string; audit?: Audited<number> } = {},
  now: Date = new Date(),
): Promise<number> {
  return changeWithAudit(tenantId, options.audit, (tx) => revokeEndUserSessionsIn(tx, tenantId, options.endUserId, now));
}

/** revokeEndUserSessions inside a caller's transaction. */
export async function revokeEndUserSessionsIn(tx: Prisma.TransactionClient, tenantId: string, endUserId: string | undefined, now: Date): Promise<number> {
  const { count } = await tx.endUserSession.updateMany({ where: liveSessions(tenantId, endUserId, now), data: { revokedAt: now } });
  return count;
}

/** How many sessions of the tenant, or of one of its end users, are live now (shown before ending them). */
export async function countLiveEndUserSessions(tenantId: string, options: { endUserId?: string } = {}, now: Date = new Date()): Promise<number> {
  return getDb().endUserSession.count({ where: liveSessions(tenantId, options.endUserId, now) });
}
