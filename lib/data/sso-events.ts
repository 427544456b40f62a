import "server-only";
import { getDb, getPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

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
