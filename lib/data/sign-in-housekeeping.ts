import { WINDOW_SECONDS } from "@/lib/auth/throttle-policy";
import type { Db } from "@/lib/prisma-client";

// Sign-in state that has served its purpose: replay records past their token's expiry, redirect
// keys and sessions a day after they ended, SSO events older than their tenant's retention, and
// dashboard sign-in counts whose window has ended (a trusted browser's lasts as long as its
// cookie). Deleted in small batches with SKIP LOCKED, so several app instances can run this at
// once without waiting on each other or deleting anything twice.

const BATCH = 1000;
const GRACE_MS = 24 * 60 * 60 * 1000;

export interface PurgeReport {
  usedTokenIds: number;
  redirectKeys: number;
  sessions: number;
  events: number;
  authThrottles: number;
}

async function purgeInBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Takes the client explicitly: the server passes its own, the jobs:purge command one of its own. */
export async function purgeExpiredSignInState(db: Db, now: Date = new Date()): Promise<PurgeReport> {
  const graceEnd = new Date(now.getTime() - GRACE_MS);
  const usedTokenIds = await purgeInBatches(() => db.$executeRaw`
    DELETE FROM used_token_ids WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM used_token_ids WHERE expires_at < ${now} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED))`);
  const redirectKeys = await purgeInBatches(() => db.$executeRaw`
    DELETE FROM redirect_keys WHERE id = ANY(ARRAY(
      SELECT id FROM redirect_keys WHERE expires_at < ${graceEnd} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED))`);
  const sessions = await purgeInBatches(() => db.$executeRaw`
    DELETE FROM end_user_sessions WHERE id = ANY(ARRAY(
      SELECT id FROM end_user_sessions WHERE expires_at < ${graceEnd} OR revoked_at < ${graceEnd}
       LIMIT ${BATCH} FOR UPDATE SKIP LOCKED))`);
  const events = await purgeInBatches(() => db.$executeRaw`
    DELETE FROM sso_events WHERE id = ANY(ARRAY(
      SELECT e.id FROM sso_events e JOIN tenants t ON t.id = e.tenant_id
       WHERE e.occurred_at < ${now}::timestamptz - make_interval(days => t.log_retention_days)
       LIMIT ${BATCH} FOR UPDATE OF e SKIP LOCKED))`);
  // Every other kind of count (account, ip, sign-up) runs for the same quarter of an hour.
  const shortWindowEnd = new Date(now.getTime() - WINDOW_SECONDS.account * 1000);
  const browserWindowEnd = new Date(now.getTime() - WINDOW_SECONDS.browser * 1000);
  const authThrottles = await purgeInBatches(() => db.$executeRaw`
    DELETE FROM auth_throttles WHERE key = ANY(ARRAY(
      SELECT key FROM auth_throttles
       WHERE window_start < CASE WHEN key LIKE 'browser:%' THEN ${browserWindowEnd}::timestamptz ELSE ${shortWindowEnd}::timestamptz END
       LIMIT ${BATCH} FOR UPDATE SKIP LOCKED))`);
  return { usedTokenIds, redirectKeys, sessions, events, authThrottles };
}
