import "server-only";
import { getDb } from "@/lib/db";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";
import type { SsoEventInput } from "./sso-events";

export interface SignedInEndUser {
  sessionId: string;
  id: string;
  name: string;
  email: string;
  role: "viewer" | "editor" | "admin";
  groups: string[];
}

/**
 * Starts a session and records the successful sign-in, in one statement: there is never a session
 * without its log entry, nor a "succeeded" entry without a session.
 */
export async function startSessionAndRecord(
  tenantId: string,
  endUserId: string,
  cookieValue: string,
  expiresAt: Date,
  event: SsoEventInput,
  now: Date,
): Promise<void> {
  await getDb().$executeRaw`
    WITH session AS (
      INSERT INTO end_user_sessions (id, tenant_id, end_user_id, token_hash, created_at, expires_at)
      VALUES (gen_random_uuid(), ${tenantId}::uuid, ${endUserId}::uuid, ${hashOpaqueToken(cookieValue)}, ${now}, ${expiresAt})
      RETURNING id
    )
    INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, external_id, jti, iss, aud,
                            client_ip, user_agent, request_id, details)
    SELECT ${tenantId}::uuid, ${now}, ${event.eventType}, ${event.outcome}::"EventOutcome", ${event.reasonCode ?? null},
           ${event.email ?? null}, ${event.externalId ?? null}, ${event.jti ?? null}, ${event.iss ?? null}, ${event.aud ?? null},
           ${event.clientIp ?? null}, ${event.userAgent?.slice(0, 512) ?? null}, ${event.requestId ?? null},
           ${JSON.stringify(event.details ?? {})}::jsonb
      FROM session`;
}

/** The signed-in end user behind a session cookie, or null (unknown, expired, revoked, suspended). */
export async function findSignedInEndUser(tenantId: string, cookieValue: string, now: Date = new Date()): Promise<SignedInEndUser | null> {
  const session = await getDb().endUserSession.findFirst({
    where: { tokenHash: hashOpaqueToken(cookieValue), tenantId, revokedAt: null, expiresAt: { gt: now }, endUser: { suspended: false } },
    select: { id: true, endUser: { select: { id: true, name: true, email: true, role: true, groups: true } } },
  });
  return session ? { sessionId: session.id, ...session.endUser } : null;
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
