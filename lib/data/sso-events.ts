import "server-only";
import { getDb, getPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LogQuery } from "@/lib/logs/log-query";

// The SSO event log that support staff read (Settings → Logs). What goes in is what could be read
// of a token (verified or not, marked so) and of the request: never the token, its signature or
// a secret.

export type SsoEventType = "sso.login.succeeded" | "sso.redirect_flow.rejected" | "sso.redirect_flow.started" | "sso.logout";

export interface SsoEventInput {
  eventType: SsoEventType;
  outcome: "success" | "rejected" | "info";
  reasonCode?: string | null;
  email?: string | null;
  externalId?: string | null;
  jti?: string | null;
  iss?: string | null;
  aud?: string | null;
  clientIp?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export function eventRow(tenantId: string, event: SsoEventInput, occurredAt: Date) {
  return {
    tenantId,
    occurredAt,
    eventType: event.eventType,
    outcome: event.outcome,
    reasonCode: event.reasonCode ?? null,
    email: event.email ?? null,
    externalId: event.externalId ?? null,
    jti: event.jti ?? null,
    iss: event.iss ?? null,
    aud: event.aud ?? null,
    clientIp: event.clientIp ?? null,
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    requestId: event.requestId ?? null,
    details: (event.details ?? {}) as Prisma.InputJsonValue,
  };
}

/** Rows per second per (tenant, event type, reason, client IP) before identical rejections fold. */
export const MAX_REJECTION_ROWS_PER_SECOND = 5;

/**
 * Records an event. Rejections are flood-controlled: a stream of identical refusals (an attack,
 * or a customer's broken backend) writes at most five rows a second per tenant, reason and client
 * IP; beyond that each one adds 1 to the newest row's repeat_count, so totals stay exact. The
 * check and the write hold a transaction-scoped advisory lock on that key, so concurrent
 * requests count exactly. Everything else (sign-ins, logouts) is recorded one row each.
 */
export async function recordSsoEvent(tenantId: string, event: SsoEventInput, occurredAt: Date = new Date()): Promise<void> {
  if (event.outcome !== "rejected") {
    await getDb().ssoEvent.create({ data: eventRow(tenantId, event, occurredAt), select: { id: true } });
    return;
  }
  const row = eventRow(tenantId, event, occurredAt);
  const windowStart = new Date(occurredAt.getTime() - 1000);
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      `sso-events:${tenantId}:${row.eventType}:${row.reasonCode ?? ""}:${row.clientIp ?? ""}`,
    ]);
    const folded = await client.query(
      `WITH recent AS (
         SELECT id FROM sso_events
          WHERE tenant_id = $1::uuid AND event_type = $2 AND reason_code IS NOT DISTINCT FROM $3 AND client_ip IS NOT DISTINCT FROM $4
            AND occurred_at > $5
          ORDER BY occurred_at DESC, id DESC
          LIMIT ${MAX_REJECTION_ROWS_PER_SECOND}
       )
       UPDATE sso_events SET repeat_count = repeat_count + 1
        WHERE id = (SELECT max(id) FROM recent) AND (SELECT count(*) FROM recent) >= ${MAX_REJECTION_ROWS_PER_SECOND}
       RETURNING id`,
      [tenantId, row.eventType, row.reasonCode, row.clientIp, windowStart],
    );
    if (folded.rowCount === 0) {
      await client.query(
        `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, external_id, jti, iss, aud, client_ip, user_agent, request_id, details)
         VALUES ($1::uuid, $2, $3, 'rejected', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)`,
        [tenantId, occurredAt, row.eventType, row.reasonCode, row.email, row.externalId, row.jti, row.iss, row.aud, row.clientIp, row.userAgent, row.requestId, JSON.stringify(row.details)],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The newest events of one tenant (used by tests and, later, the logs page). */
export async function listRecentSsoEvents(tenantId: string, take = 50) {
  return getDb().ssoEvent.findMany({ where: { tenantId }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take });
}

/** For the dashboard overview: the last successful sign-in and the refusals of the last 24 hours. */
export async function signInSummary(tenantId: string, now: Date = new Date()) {
  const db = getDb();
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [lastSuccess, rejected] = await Promise.all([
    db.ssoEvent.findFirst({ where: { tenantId, eventType: "sso.login.succeeded" }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], select: { occurredAt: true, email: true } }),
    db.ssoEvent.aggregate({ where: { tenantId, outcome: "rejected", occurredAt: { gte: since } }, _sum: { repeatCount: true } }),
  ]);
  return { lastSuccess, rejectedLast24h: rejected._sum.repeatCount ?? 0 };
}

/**
 * One page of a tenant's events, newest first, with keyset pagination: the page after a cursor is
 * what is older than its (time, id), whatever arrived since. No OFFSET.
 */
export async function searchSsoEvents(tenantId: string, query: LogQuery, pageSize = 50) {
  const search = query.q?.trim();
  const conditions: Prisma.SsoEventWhereInput[] = [];
  if (search) conditions.push({ OR: [{ email: search.toLowerCase() }, { externalId: search }, { jti: search }, { requestId: search }] });
  if (query.cursor) {
    const { occurredAt, id } = query.cursor;
    conditions.push({ OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] });
  }
  const rows = await getDb().ssoEvent.findMany({
    where: {
      tenantId,
      ...(query.type ? { eventType: query.type } : {}),
      ...(query.reason ? { reasonCode: query.reason } : {}),
      AND: conditions,
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return { events: page, next: rows.length > pageSize && last ? { occurredAt: last.occurredAt, id: last.id } : null };
}
