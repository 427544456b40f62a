import "server-only";
import { getDb } from "@/lib/db";
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

export async function recordSsoEvent(tenantId: string, event: SsoEventInput, occurredAt: Date = new Date()): Promise<void> {
  await getDb().ssoEvent.create({ data: eventRow(tenantId, event, occurredAt), select: { id: true } });
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
