import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/uuid";
import { changeWithAudit, type Audited } from "./audit";
import { revokeEndUserSessionsIn } from "./end-user-sessions";

// The help center's end users (people SSO provisioned), as the dashboard's People page reads and
// manages them. Every function starts from the tenant the caller was authorised for: an end-user
// id from a URL or a form can never reach another tenant's person (it is simply not found).
// Sign-in itself writes end users in ./sign-in-store.ts.

export const PEOPLE_PAGE_SIZE = 50;

/** Where the next page starts: after this (last sign-in, id), newest sign-in first. */
export interface EndUserCursor {
  lastLoginAt: Date;
  id: string;
}

export interface EndUserSummary {
  id: string;
  email: string;
  name: string;
  externalId: string | null;
  groups: string[];
  suspended: boolean;
  lastLoginAt: Date;
}

export interface EndUserDetail extends EndUserSummary {
  role: "viewer" | "editor" | "admin";
  lang: string | null;
  avatarUrl: string | null;
  customFields: Prisma.JsonValue;
  firstLoginAt: Date;
  updatedAt: Date;
}

export interface EndUserQuery {
  /** a part of the email, name or external id, in any case */
  search?: string;
  suspendedOnly?: boolean;
  after?: EndUserCursor;
  take?: number;
}

export type EndUserActionOutcome =
  | { ok: true; email: string; changed: boolean; sessionsEnded: number }
  | { ok: false; reason: "not_found" };

const summarySelect = { id: true, email: true, name: true, externalId: true, groups: true, suspended: true, lastLoginAt: true } as const;

/** What LIKE would read as a wildcard, taken literally: searching "a_b" must not find "axb". */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function matching(tenantId: string, query: Pick<EndUserQuery, "search" | "suspendedOnly">): Prisma.EndUserWhereInput {
  const search = query.search?.trim();
  const contains = search ? { contains: likeLiteral(search), mode: "insensitive" as const } : undefined;
  return {
    tenantId,
    ...(query.suspendedOnly ? { suspended: true } : {}),
    ...(contains ? { OR: [{ email: contains }, { name: contains }, { externalId: contains }] } : {}),
  };
}

/**
 * A page of the tenant's end users, newest sign-in first (keyset paged: no OFFSET). Deliberately
 * without an index on last_login_at: every returning user's sign-in rewrites that column, and an
 * index on it would turn those updates from HOT (heap-only) into ones that touch every index of
 * end_users, on the hottest path there is. This admin page sorts the tenant's rows instead. Someone
 * who signs in while an admin pages moves to the top and is not on the later pages.
 */
export async function listEndUsers(tenantId: string, query: EndUserQuery = {}): Promise<{ items: EndUserSummary[]; next: EndUserCursor | null }> {
  const take = query.take ?? PEOPLE_PAGE_SIZE;
  const after = query.after;
  const rows = await getDb().endUser.findMany({
    where: {
      AND: [
        matching(tenantId, query),
        after ? { OR: [{ lastLoginAt: { lt: after.lastLoginAt } }, { lastLoginAt: after.lastLoginAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ lastLoginAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: summarySelect,
  });
  const items = rows.slice(0, take);
  const last = items.at(-1);
  return { items, next: rows.length > take && last ? { lastLoginAt: last.lastLoginAt, id: last.id } : null };
}

/** How many end users the tenant has, and how many of them are suspended (the filter's counts). */
export async function countEndUsers(tenantId: string): Promise<{ all: number; suspended: number }> {
  const groups = await getDb().endUser.groupBy({ by: ["suspended"], where: { tenantId }, _count: { _all: true } });
  const suspended = groups.find((group) => group.suspended)?._count._all ?? 0;
  const active = groups.find((group) => !group.suspended)?._count._all ?? 0;
  return { all: suspended + active, suspended };
}

/** One of the tenant's end users with everything stored about them, or null. */
export async function findEndUser(tenantId: string, endUserId: string): Promise<EndUserDetail | null> {
  if (!isUuid(endUserId)) return null;
  return getDb().endUser.findFirst({
    where: { tenantId, id: endUserId },
    select: { ...summarySelect, role: true, lang: true, avatarUrl: true, customFields: true, firstLoginAt: true, updatedAt: true },
  });
}

/**
 * Suspends the end user and ends their live sessions, all or nothing: from then on every session
 * of theirs stops working (findSignedInEndUser checks it) and every sign-in is refused (the
 * sign-in statement checks it too). Suspending someone already suspended still ends whatever
 * sessions they have.
 */
export async function suspendEndUser(tenantId: string, endUserId: string, now: Date = new Date(), audit?: Audited<EndUserActionOutcome>): Promise<EndUserActionOutcome> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const found = await setSuspended(tx, tenantId, endUserId, true);
    if (!found.ok) return found;
    const sessionsEnded = await revokeEndUserSessionsIn(tx, tenantId, endUserId, now);
    return { ...found, sessionsEnded };
  });
}

/** Lifts a suspension: the person may sign in again (their ended sessions stay ended). */
export async function unsuspendEndUser(tenantId: string, endUserId: string, audit?: Audited<EndUserActionOutcome>): Promise<EndUserActionOutcome> {
  return changeWithAudit(tenantId, audit, async (tx) => {
    const found = await setSuspended(tx, tenantId, endUserId, false);
    return found.ok ? { ...found, sessionsEnded: 0 } : found;
  });
}

/** Ends every live session of one of the tenant's end users ("Sign out everywhere"). */
export async function signOutEndUser(tenantId: string, endUserId: string, now: Date = new Date(), audit?: Audited<EndUserActionOutcome>): Promise<EndUserActionOutcome> {
  if (!isUuid(endUserId)) return { ok: false, reason: "not_found" };
  return changeWithAudit(tenantId, audit, async (tx) => {
    const user = await tx.endUser.findFirst({ where: { tenantId, id: endUserId }, select: { id: true, email: true } });
    if (!user) return { ok: false, reason: "not_found" } as const;
    const sessionsEnded = await revokeEndUserSessionsIn(tx, tenantId, user.id, now);
    return { ok: true, email: user.email, changed: sessionsEnded > 0, sessionsEnded } as const;
  });
}

async function setSuspended(
  tx: Prisma.TransactionClient,
  tenantId: string,
  endUserId: string,
  suspended: boolean,
): Promise<{ ok: true; email: string; changed: boolean } | { ok: false; reason: "not_found" }> {
  if (!isUuid(endUserId)) return { ok: false, reason: "not_found" };
  // Only a change is written (and bumps updated_at); the read after it tells "already so" from "no such person".
  const { count } = await tx.endUser.updateMany({ where: { tenantId, id: endUserId, suspended: !suspended }, data: { suspended } });
  const user = await tx.endUser.findFirst({ where: { tenantId, id: endUserId }, select: { email: true } });
  return user ? { ok: true, email: user.email, changed: count > 0 } : { ok: false, reason: "not_found" };
}
