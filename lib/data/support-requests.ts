import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestCursor } from "@/lib/requests/page-cursor";
import { isRequestId, type RequestStatus } from "@/lib/requests/schemas";
import { changeWithAudit, type Audited } from "./audit";

// Support requests raised by end users on a help center's /requests page, and their replies.
// Every function starts from the tenant the caller was authorised for, and the end-user functions
// also from the signed-in end user: a request id from a URL can never reach another user's or
// another tenant's request (it is simply not found). Nothing in a URL widens a `where`.

export const REQUEST_PAGE_SIZE = 20;

export interface RequestPage<T> {
  items: T[];
  /** where the next (older) page starts; null on the last page */
  next: RequestCursor | null;
}

export interface ThreadReply {
  id: string;
  author: "end_user" | "staff";
  authorName: string;
  body: string;
  createdAt: Date;
}

/** `subject` names the request in the audit trail, where an id alone says nothing to a reader. */
export type ReplyOutcome = { ok: true; previousStatus: RequestStatus; status: RequestStatus; subject: string } | { ok: false; reason: "not_found" | "closed" };
/** An end user's reply may also be one too many for the hour (END_USER_WRITES_PER_HOUR). */
export type EndUserReplyOutcome = ReplyOutcome | { ok: false; reason: "too_many" };

const replySelect = { id: true, author: true, authorName: true, body: true, createdAt: true } as const;
const summarySelect = { id: true, subject: true, status: true, createdAt: true, updatedAt: true } as const;

/** Rows strictly after the cursor in (field DESC, id DESC) order: the keyset condition. */
function olderThan(field: "createdAt" | "updatedAt", cursor: RequestCursor | undefined): Prisma.SupportRequestWhereInput {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

function toPage<T extends { id: string }>(rows: T[], take: number, at: (row: T) => Date): RequestPage<T> {
  const items = rows.slice(0, take);
  const last = items.at(-1);
  return { items, next: rows.length > take && last ? { at: at(last), id: last.id } : null };
}

/**
 * The request's status and subject, locked until the transaction ends, or null when the tenant
 * (and, when given, the end user) has no such request. The lock orders a reply against a status
 * change made at the same moment, so "closed" really means no reply got in after it.
 */
async function lockRequest(tx: Prisma.TransactionClient, tenantId: string, requestId: string, endUserId?: string) {
  const owner = endUserId ? Prisma.sql`AND end_user_id = ${endUserId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<{ status: RequestStatus; subject: string }[]>`
    SELECT status::text AS status, subject FROM support_requests
     WHERE tenant_id = ${tenantId}::uuid AND id = ${requestId}::uuid ${owner} FOR UPDATE`;
  return rows[0] ?? null;
}

// ---- end users: always their own requests ---------------------------------------------------------

/**
 * An end user's writes per hour: enough for anyone with a real problem, and a stop for a script (or
 * a stuck button) filling the staff's queue and the database.
 */
export const END_USER_WRITES_PER_HOUR = { requests: 10, replies: 30 } as const;
const HOUR_MS = 3600_000;

/**
 * Serializes one end user's request writes until the transaction ends, so that concurrent
 * submissions count each other: a count and an insert without it let 50 parallel posts all see
 * "under the limit". An advisory lock, not a row lock on end_users, so a sign-in updating the
 * user's row never waits on it.
 */
async function lockEndUserWrites(tx: Prisma.TransactionClient, tenantId: string, endUserId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('support-writes:' || ${tenantId} || ':' || ${endUserId}, 0))`;
}

export type NewRequestOutcome = { ok: true; id: string } | { ok: false; reason: "too_many" };

/** Raises a request, unless this end user raised END_USER_WRITES_PER_HOUR.requests in the last hour. */
export async function createSupportRequest(tenantId: string, endUserId: string, input: { subject: string; message: string }, now = new Date()): Promise<NewRequestOutcome> {
  return getDb().$transaction(async (tx) => {
    await lockEndUserWrites(tx, tenantId, endUserId);
    const recent = await tx.supportRequest.count({ where: { tenantId, endUserId, createdAt: { gte: new Date(now.getTime() - HOUR_MS) } } });
    if (recent >= END_USER_WRITES_PER_HOUR.requests) return { ok: false, reason: "too_many" } as const;
    const { id } = await tx.supportRequest.create({ data: { tenantId, endUserId, ...input, createdAt: now, updatedAt: now }, select: { id: true } });
    return { ok: true, id } as const;
  });
}

/** The end user's own requests, newest first. */
export async function listOwnRequests(tenantId: string, endUserId: string, before?: RequestCursor, take = REQUEST_PAGE_SIZE) {
  const rows = await getDb().supportRequest.findMany({
    where: { tenantId, endUserId, ...olderThan("createdAt", before) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: summarySelect,
  });
  return toPage(rows, take, (row) => row.createdAt);
}

/** One of the end user's own requests with its thread, or null (not theirs, not this tenant's, no such id). */
export async function findOwnRequest(tenantId: string, endUserId: string, requestId: string) {
  if (!isRequestId(requestId)) return null;
  return getDb().supportRequest.findFirst({
    where: { id: requestId, tenantId, endUserId },
    select: { ...summarySelect, message: true, replies: { where: { tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: replySelect } },
  });
}

/**
 * The end user replies on their own request; an answered request opens again. Closed ones take no
 * replies, and an end user posts at most END_USER_WRITES_PER_HOUR.replies in an hour, over all
 * their requests.
 */
export async function addEndUserReply(tenantId: string, endUserId: string, requestId: string, body: string, now = new Date()): Promise<EndUserReplyOutcome> {
  if (!isRequestId(requestId)) return { ok: false, reason: "not_found" };
  return getDb().$transaction(async (tx) => {
    // The user's lock first, then the request's: staff replies take only the request's, so no cycle.
    await lockEndUserWrites(tx, tenantId, endUserId);
    const locked = await lockRequest(tx, tenantId, requestId, endUserId);
    if (!locked) return { ok: false, reason: "not_found" } as const;
    const { status: previousStatus, subject } = locked;
    if (previousStatus === "closed") return { ok: false, reason: "closed" } as const;
    const recent = await tx.supportRequestReply.count({
      where: { tenantId, author: "end_user", createdAt: { gte: new Date(now.getTime() - HOUR_MS) }, request: { endUserId } },
    });
    if (recent >= END_USER_WRITES_PER_HOUR.replies) return { ok: false, reason: "too_many" } as const;
    const user = await tx.endUser.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: endUserId } }, select: { name: true } });
    await tx.supportRequestReply.create({ data: { tenantId, requestId, author: "end_user", authorName: user.name, body, createdAt: now }, select: { id: true } });
    await tx.supportRequest.update({ where: { tenantId_id: { tenantId, id: requestId } }, data: { status: "open", updatedAt: now }, select: { id: true } });
    return { ok: true, previousStatus, status: "open", subject } as const;
  });
}

// ---- staff (dashboard members with a request role; the caller checked the role) -------------------

/** The tenant's requests, newest activity first, optionally of one status, with who raised them. */
export async function listRequestsForStaff(tenantId: string, options: { status?: RequestStatus; before?: RequestCursor; take?: number } = {}) {
  const take = options.take ?? REQUEST_PAGE_SIZE;
  const rows = await getDb().supportRequest.findMany({
    where: { tenantId, ...(options.status ? { status: options.status } : {}), ...olderThan("updatedAt", options.before) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { ...summarySelect, endUser: { select: { email: true, name: true } }, _count: { select: { replies: true } } },
  });
  return toPage(rows, take, (row) => row.updatedAt);
}

/** How many of the tenant's requests are in each status. */
export async function countRequestsByStatus(tenantId: string): Promise<Record<RequestStatus, number>> {
  const groups = await getDb().supportRequest.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
  const counts: Record<RequestStatus, number> = { open: 0, answered: 0, closed: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** One of the tenant's requests with its thread and requester, or null. */
export async function findRequestForStaff(tenantId: string, requestId: string) {
  if (!isRequestId(requestId)) return null;
  return getDb().supportRequest.findFirst({
    where: { id: requestId, tenantId },
    select: {
      ...summarySelect,
      message: true,
      endUser: { select: { email: true, name: true, externalId: true } },
      replies: { where: { tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: replySelect },
    },
  });
}

/** A staff member answers; the request becomes `status` ("answered" unless they chose otherwise). */
export async function replyAsStaff(
  tenantId: string,
  staffUserId: string,
  requestId: string,
  input: { body: string; status?: RequestStatus },
  now = new Date(),
  audit?: Audited<ReplyOutcome>,
): Promise<ReplyOutcome> {
  if (!isRequestId(requestId)) return { ok: false, reason: "not_found" };
  const status = input.status ?? "answered";
  return changeWithAudit(tenantId, audit, async (tx) => {
    const locked = await lockRequest(tx, tenantId, requestId);
    if (!locked) return { ok: false, reason: "not_found" } as const;
    const { status: previousStatus, subject } = locked;
    // The name as it is now is kept with the reply: it is what the end user saw, even if it changes.
    const staff = await tx.user.findUniqueOrThrow({ where: { id: staffUserId }, select: { name: true } });
    await tx.supportRequestReply.create({
      data: { tenantId, requestId, author: "staff", staffUserId, authorName: staff.name, body: input.body, createdAt: now },
      select: { id: true },
    });
    await tx.supportRequest.update({ where: { tenantId_id: { tenantId, id: requestId } }, data: { status, updatedAt: now }, select: { id: true } });
    return { ok: true, previousStatus, status, subject } as const;
  });
}

/** Sets a request's status without a reply. */
export async function setRequestStatus(
  tenantId: string,
  requestId: string,
  status: RequestStatus,
  now = new Date(),
  audit?: Audited<ReplyOutcome>,
): Promise<ReplyOutcome> {
  if (!isRequestId(requestId)) return { ok: false, reason: "not_found" };
  return changeWithAudit(tenantId, audit, async (tx) => {
    const locked = await lockRequest(tx, tenantId, requestId);
    if (!locked) return { ok: false, reason: "not_found" } as const;
    const { status: previousStatus, subject } = locked;
    if (previousStatus !== status) {
      await tx.supportRequest.update({ where: { tenantId_id: { tenantId, id: requestId } }, data: { status, updatedAt: now }, select: { id: true } });
    }
    return { ok: true, previousStatus, status, subject } as const;
  });
}
