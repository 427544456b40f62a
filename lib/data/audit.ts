import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

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

export async function listAuditEntries(tenantId: string, take = 200) {
  return getDb().auditEntry.findMany({
    where: { tenantId },
    orderBy: { occurredAt: "desc" },
    take,
    select: { id: true, action: true, actorEmail: true, occurredAt: true, details: true },
  });
}
