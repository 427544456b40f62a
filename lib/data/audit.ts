import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { actionsInArea, type AuditAction } from "@/lib/audit/audit-actions";
import type { AuditCursor, AuditQuery } from "@/lib/audit/audit-query";

// The audit trail of a tenant: who changed what, when. Details never contain a secret's value.

export interface Actor {
  userId: string;
  email: string;
}

/** One line of the trail: what was done, and what a reader needs to know about it. */
export interface AuditEntry {
  action: AuditAction;
  details?: Record<string, unknown>;
}

/**
 * The entry (or entries) a change writes about itself, written in the change's own transaction: a
 * change is never committed without its entry, nor an entry without its change. `describe` sees
 * what the change did and returns null when there is nothing to record (a refusal, no change).
 */
export interface Audited<Result> {
  actor: Actor;
  describe(result: Result): AuditEntry | readonly AuditEntry[] | null;
}

function auditEntryRow(tenantId: string, actor: Actor, entry: AuditEntry) {
  return { tenantId, actorUserId: actor.userId, actorEmail: actor.email, action: entry.action, details: (entry.details ?? {}) as Prisma.InputJsonValue };
}

/**
 * The change's audit entry could not be written, so the change was not made either. A class of its
 * own so that no caller mistakes it for the change's own refusal (a taken slug is a unique
 * violation too, a vanished category a foreign-key one).
 */
export class AuditWriteError extends Error {
  constructor(action: string, cause: unknown) {
    super(`Could not write the audit entry "${action}"; the change it records was rolled back.`, { cause });
    this.name = "AuditWriteError";
  }
}

/** Writes what `audit` says about `result`, inside the transaction `tx` that made the change. */
export async function writeAuditIn<Result>(tx: Prisma.TransactionClient, tenantId: string, audit: Audited<Result> | undefined, result: Result): Promise<void> {
  if (!audit) return;
  const described = audit.describe(result);
  const entries = described === null ? [] : Array.isArray(described) ? described : [described as AuditEntry];
  for (const entry of entries) {
    try {
      await tx.auditEntry.create({ data: auditEntryRow(tenantId, audit.actor, entry), select: { id: true } });
    } catch (error) {
      throw new AuditWriteError(entry.action, error);
    }
  }
}

type TenantLock = "key share" | "no key update";

const TENANT_LOCK_CLAUSES: Record<TenantLock, Prisma.Sql> = {
  "key share": Prisma.sql`FOR KEY SHARE`,
  "no key update": Prisma.sql`FOR NO KEY UPDATE`,
};

// A bulk change (Sign everyone out of a large help center) may take longer than Prisma's 5 s default.
const CHANGE_TIMEOUT_MS = 60_000;

/**
 * Runs `change` in a transaction and writes its entries in the same one. (Accepting an invite learns
 * its tenant only inside its transaction, so it calls writeAuditIn itself; a change that turns an
 * error into an answer, a taken slug or domain, catches it around this call.)
 *
 * The tenant's row is locked first. The entry's foreign key takes a share lock on it anyway, but at
 * the end: a change that had locked another of the tenant's rows by then (its sso_configs row, say)
 * would deadlock with a custom-domain change, which locks the tenant's row and then, by trigger,
 * the sso_configs row. Taken first, it makes every change lock the tenant before anything else.
 * KEY SHARE holds up only changes of the tenant's keys, never sign-ins. A change that reads the
 * tenant's row to decide and report what it replaces, or that updates the row, says
 * `lockTenant: "no key update"`: the row stays as read until it commits, two such changes queue
 * instead of deadlocking (two that each held KEY SHARE and then both updated a key, removing the
 * served custom domain, did), and sign-ins, whose foreign keys take KEY SHARE, go on.
 */
export function changeWithAudit<Result>(
  tenantId: string,
  audit: Audited<Result> | undefined,
  change: (tx: Prisma.TransactionClient) => Promise<Result>,
  { lockTenant = "key share" }: { lockTenant?: TenantLock } = {},
): Promise<Result> {
  return getDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM tenants WHERE id = ${tenantId}::uuid ${TENANT_LOCK_CLAUSES[lockTenant]}`;
      const result = await change(tx);
      await writeAuditIn(tx, tenantId, audit, result);
      return result;
    },
    { timeout: CHANGE_TIMEOUT_MS },
  );
}

/**
 * An entry about something that changes nothing in the database (a secret shown, a test token
 * minted): written before the secret or token is handed over, so none is handed over unrecorded.
 */
export async function recordAudit(tenantId: string, actor: Actor, action: AuditAction, details: Record<string, unknown> = {}): Promise<void> {
  await getDb().auditEntry.create({ data: auditEntryRow(tenantId, actor, { action, details }), select: { id: true } });
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
