import "server-only";
import { randomUUID } from "node:crypto";
import { databaseSharesOneSession, getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { limitAddress } from "@/lib/http/limit-address";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";

/** How long a visitor has to come back from the Login URL. */
export const REDIRECT_KEY_LIFETIME_SECONDS = 10 * 60;

export interface RedirectKeyOptions {
  now?: Date;
  /** the address that started the sign-in, counted as limitAddress says; null when unknown (then no limit applies) */
  clientIp?: string | null;
  /**
   * At most this many open starts (unused, unexpired keys) per address and help center: every
   * start writes a row, and a client that never comes back must not be able to write them without
   * end. Sign-ins that were finished do not count, so many people behind one address (an office)
   * are only held up by starts they abandoned.
   */
  openStartsPerAddress?: number;
}

/**
 * Stores a new redirect key (hashed) bound to a browser (hashed), with where the visitor was
 * going. False when the address already has `openStartsPerAddress` open starts: nothing is
 * written.
 *
 * Exact under concurrency. On PostgreSQL the count and the insert run under a transaction-scoped
 * advisory lock on (help center, address), so starts racing from one address take turns while
 * other addresses go on unhindered; under read committed the insert's snapshot is taken after the
 * lock is granted, so it sees every start committed before it. An address already at its limit is
 * refused by a plain count first, without the lock: a flood from one address must not fill the
 * pool with connections queued behind it.
 */
export async function createRedirectKey(tenantId: string, key: string, browserBinding: string, returnTo: string, options: RedirectKeyOptions = {}): Promise<boolean> {
  const { now = new Date(), openStartsPerAddress = null } = options;
  const clientIp = options.clientIp == null ? null : limitAddress(options.clientIp);
  const expiresAt = new Date(now.getTime() + REDIRECT_KEY_LIFETIME_SECONDS * 1000);
  const limited = clientIp !== null && openStartsPerAddress !== null;
  const openStarts = Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM redirect_keys
                                   WHERE tenant_id = ${tenantId}::uuid AND client_ip = ${clientIp}
                                     AND expires_at > ${now} AND used_at IS NULL
                                   LIMIT ${openStartsPerAddress}::int) AS open_starts)`;
  const insert = (db: Pick<Db, "$queryRaw">) => db.$queryRaw<{ id: string }[]>`
    INSERT INTO redirect_keys (id, tenant_id, key_hash, browser_binding, return_to, expires_at, client_ip)
    SELECT ${randomUUID()}::uuid, ${tenantId}::uuid, ${hashOpaqueToken(key)}, ${hashOpaqueToken(browserBinding)}, ${returnTo}, ${expiresAt}, ${clientIp}
     WHERE ${!limited}::boolean OR ${openStarts} < ${openStartsPerAddress}::int
    RETURNING id`;
  // The embedded database runs one statement at a time, so the statement alone is exact there and
  // the lock would only add round trips.
  if (!limited || databaseSharesOneSession()) return (await insert(getDb())).length === 1;
  const [count] = await getDb().$queryRaw<{ atLimit: boolean }[]>`SELECT ${openStarts} >= ${openStartsPerAddress}::int AS "atLimit"`;
  if (count?.atLimit) return false;
  const inserted = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('redirect-keys:' || ${tenantId} || ':' || ${clientIp}, 0))`;
    return insert(tx);
  });
  return inserted.length === 1;
}

/** Where the visitor was going when they were given this key (for the jwt_error bounce). */
export async function findRedirectKeyReturnTo(tenantId: string, key: string): Promise<string | null> {
  const row = await getDb().redirectKey.findFirst({ where: { tenantId, keyHash: hashOpaqueToken(key) }, select: { returnTo: true } });
  return row?.returnTo ?? null;
}
