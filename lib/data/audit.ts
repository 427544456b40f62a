import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actionsInArea } from "@/lib/audit/audit-actions";
import type { AuditCursor, AuditQuery } from "@/lib/audit/audit-query";

// The audit trail of a tenant: who changed what, when. Details never contain a secret's value.

export interface Actor {
  userId: string;
  email: string;
}

export async function recordAudit(tenantId: string, actor: Actor, action: string, details: Record<string, unknown> = {}): Promise<void> {
  await getDb().auditEntry.create({
    data: { tenantId, actorUserId: actor.userId, actorEmail: actor.email, action, details: details as Prisma.InputJsonValue },
    select: { id: true },
  });
}

export const AUDIT_PAGE_SIZE = 50;

function auditWhere(tenantId: string, query: AuditQuery): Prisma.AuditEntryWhereInput {
  const { area, cursor } = query;
  return {
    tenantId,
    ...(area ? { action: { in: actionsInArea(area) } } : {}),
    // Keyset: strictly after the last entry shown, in (occurred_at, id) order, so entries written
    // while someone pages never shift a page or repeat an entry.
    ...(cursor ? { OR: [{ occurredAt: { lt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, id: { lt: cursor.id } }] } : {}),
  };
}

/**
 * One page of the trail, newest first, and the cursor of the page after it (null on the last).
 * The (tenant_id, occurred_at DESC, id DESC) index serves both the order and the cursor, so an
 * old page costs what the first does.
 */
export async function listAuditEntries(tenantId: string, query: AuditQuery = {}, pageSize = AUDIT_PAGE_SIZE) {
  const rows = await getDb().auditEntry.findMany({
    where: auditWhere(tenantId, query),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: { id: true, action: true, actorEmail: true, occurredAt: true, details: true },
  });
  const entries = rows.slice(0, pageSize);
  const last = entries.at(-1);
  const next: AuditCursor | null = rows.length > pageSize && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { entries, next };
}

/** Every entry the query matches, a batch at a time (the export streams them). */
export async function* streamAuditEntries(tenantId: string, query: Omit<AuditQuery, "cursor">, batchSize = 500) {
  let cursor: AuditCursor | undefined;
  do {
    const page = await listAuditEntries(tenantId, { ...query, cursor }, batchSize);
    yield page.entries;
    cursor = page.next ?? undefined;
  } while (cursor);
}
