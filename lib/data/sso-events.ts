import "server-only";
import { getDb, getPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The SSO event log that support staff read (Settings → Logs). What goes in is what could be read
// of a token (verified or not, marked so) and of the request: never the token, its signature or
// a secret.

export type SsoEventType =
  | "sso.login.succeeded"
  | "sso.redirect_flow.rejected"
  | "sso.cookie_flow.rejected"
  | "widget_jwt.rejected"
  | "sso.logout";

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
 * database function record_sso_rejection (migration log_search_and_rollup) decides and writes under
 * an advisory lock on that key in one round trip, so concurrent requests count exactly and a flood
 * costs one statement per request. Everything else (sign-ins, logouts) is recorded one row each.
 */
export async function recordSsoEvent(tenantId: string, event: SsoEventInput, occurredAt: Date = new Date()): Promise<void> {
  const row = eventRow(tenantId, event, occurredAt);
  if (event.outcome !== "rejected") {
    await getDb().ssoEvent.create({ data: row, select: { id: true } });
    return;
  }
  await getPool().query(`SELECT record_sso_rejection($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)`, [
    tenantId, occurredAt, row.eventType, row.reasonCode, row.email, row.externalId, row.jti, row.iss, row.aud,
    row.clientIp, row.userAgent, row.requestId, JSON.stringify(row.details), MAX_REJECTION_ROWS_PER_SECOND,
  ]);
}
