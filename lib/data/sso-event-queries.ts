import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LoggedEvent } from "@/lib/logs/logged-event";
import { ANY_REJECTION, type Bucket, type LogCursor, type LogQuery, type TimeWindow } from "@/lib/logs/log-query";

// The read side of the SSO event log (Settings → Logs): search, one event, a user's other events,
// the rejection chart and the export. Every statement starts from the tenant id the caller was
// authorised for; nothing in a URL can widen it. Writes live in ./sso-events.ts.

export type { LoggedEvent };

const COLUMNS = Prisma.sql`id, occurred_at AS "occurredAt", event_type AS "eventType", outcome::text AS outcome,
  reason_code AS "reasonCode", email, external_id AS "externalId", jti, iss, aud, client_ip AS "clientIp",
  user_agent AS "userAgent", request_id AS "requestId", repeat_count AS "repeatCount", details`;

/**
 * One value matched against every searchable column (each has a per-tenant index). Emails and our
 * request ids (lowercase UUIDs, read aloud or retyped by a visitor) also match in lowercase.
 */
function searchCondition(search: string): Prisma.Sql {
  const lower = search.toLowerCase();
  return Prisma.sql`(email IN (${search}, ${lower}) OR external_id = ${search} OR jti = ${search} OR request_id IN (${search}, ${lower}))`;
}

function filterConditions(tenantId: string, query: LogQuery, window: Pick<TimeWindow, "from" | "to">): Prisma.Sql[] {
  const conditions = [Prisma.sql`tenant_id = ${tenantId}::uuid`, Prisma.sql`occurred_at >= ${window.from}`, Prisma.sql`occurred_at < ${window.to}`];
  if (query.type === ANY_REJECTION) conditions.push(Prisma.sql`outcome = 'rejected'`);
  else if (query.type) conditions.push(Prisma.sql`event_type = ${query.type}`);
  if (query.reason) conditions.push(Prisma.sql`reason_code = ${query.reason}`);
  const search = query.q?.trim();
  if (search) conditions.push(searchCondition(search));
  return conditions;
}

/**
 * One page of a tenant's events, newest first, with keyset pagination: the page after a cursor is
 * what is older than its (time, id), whatever arrived since. The row comparison is what lets
 * PostgreSQL start the index scan at the cursor, so page 2,000 costs what page 1 does. No OFFSET.
 */
export async function searchSsoEvents(tenantId: string, query: LogQuery, window: Pick<TimeWindow, "from" | "to">, pageSize = 50) {
  const conditions = filterConditions(tenantId, query, window);
  if (query.cursor) conditions.push(Prisma.sql`(occurred_at, id) < (${query.cursor.occurredAt}, ${query.cursor.id})`);
  const rows = await getDb().$queryRaw<LoggedEvent[]>`
    SELECT ${COLUMNS} FROM sso_events WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY occurred_at DESC, id DESC LIMIT ${pageSize + 1}`;
  const events = rows.slice(0, pageSize);
  const last = events[events.length - 1];
  const next: LogCursor | null = rows.length > pageSize && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { events, next };
}

/** Every event matching the filters, newest first, a batch at a time (for the CSV export). */
export async function* streamSsoEvents(tenantId: string, query: LogQuery, window: Pick<TimeWindow, "from" | "to">, batchSize = 2000) {
  let cursor: LogCursor | undefined = query.cursor;
  do {
    const page = await searchSsoEvents(tenantId, { ...query, cursor }, window, batchSize);
    if (page.events.length > 0) yield page.events;
    cursor = page.next ?? undefined;
  } while (cursor);
}

/** One event of this tenant, or null (another tenant's id is simply not found). */
export async function findSsoEvent(tenantId: string, id: bigint): Promise<LoggedEvent | null> {
  const rows = await getDb().$queryRaw<LoggedEvent[]>`SELECT ${COLUMNS} FROM sso_events WHERE tenant_id = ${tenantId}::uuid AND id = ${id}`;
  return rows[0] ?? null;
}

/** The newest other events of the person an event is about (same external id or email). */
export async function otherEventsOfSameUser(tenantId: string, event: LoggedEvent, take = 10): Promise<LoggedEvent[]> {
  const who: Prisma.Sql[] = [];
  if (event.externalId) who.push(Prisma.sql`external_id = ${event.externalId}`);
  if (event.email) who.push(Prisma.sql`email = ${event.email}`);
  if (who.length === 0) return [];
  return getDb().$queryRaw<LoggedEvent[]>`
    SELECT ${COLUMNS} FROM sso_events
     WHERE tenant_id = ${tenantId}::uuid AND id <> ${event.id} AND (${Prisma.join(who, " OR ")})
     ORDER BY occurred_at DESC, id DESC LIMIT ${take}`;
}

export interface RejectionBucket {
  start: Date;
  counts: Record<string, number>;
}

const HOUR_MS = 3600 * 1000;
const BUCKET_MS: Record<Bucket, number> = { hour: HOUR_MS, day: 24 * HOUR_MS, week: 7 * 24 * HOUR_MS };
// Buckets start on UTC hours, UTC midnights, and Mondays (2000-01-03 was one).
const BUCKET_ORIGIN = new Date("2000-01-03T00:00:00Z");

function bucketStart(at: Date, bucket: Bucket): Date {
  const size = BUCKET_MS[bucket];
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor((at.getTime() - BUCKET_ORIGIN.getTime()) / size) * size);
}

/**
 * Rejections (repeat counts included) per bucket and reason over the window. Whole hours come from
 * the hourly rollup the triggers keep; the partial hours at either edge from the events themselves,
 * so the counts are exact for any window at a cost that does not grow with the event volume. A
 * search narrows to one person's events, which the search indexes find directly.
 */
export async function rejectionChart(tenantId: string, query: LogQuery, window: TimeWindow): Promise<{ buckets: RejectionBucket[]; totals: Record<string, number> }> {
  const interval = `${BUCKET_MS[window.bucket] / 1000} seconds`;
  const eventConditions = (from: Date, to: Date) => [...filterConditions(tenantId, query, { from, to }), Prisma.sql`outcome = 'rejected'`];
  const parts: Prisma.Sql[] = [];
  const fullStart = new Date(Math.ceil(window.from.getTime() / HOUR_MS) * HOUR_MS);
  const fullEnd = new Date(Math.floor(window.to.getTime() / HOUR_MS) * HOUR_MS);
  const raw = (from: Date, to: Date) =>
    Prisma.sql`SELECT occurred_at AS t, reason_code AS reason, repeat_count::bigint AS n FROM sso_events WHERE ${Prisma.join(eventConditions(from, to), " AND ")}`;

  if (query.q?.trim() || fullStart >= fullEnd) {
    parts.push(raw(window.from, window.to));
  } else {
    const rollup = [Prisma.sql`tenant_id = ${tenantId}::uuid`, Prisma.sql`hour >= ${fullStart}`, Prisma.sql`hour < ${fullEnd}`];
    // The rollup holds rejections only: "any rejection" needs no condition there.
    if (query.type && query.type !== ANY_REJECTION) rollup.push(Prisma.sql`event_type = ${query.type}`);
    if (query.reason) rollup.push(Prisma.sql`reason_code = ${query.reason}`);
    parts.push(Prisma.sql`SELECT hour AS t, reason_code AS reason, count AS n FROM sso_rejection_hourly WHERE ${Prisma.join(rollup, " AND ")}`);
    if (window.from < fullStart) parts.push(raw(window.from, fullStart));
    if (fullEnd < window.to) parts.push(raw(fullEnd, window.to));
  }

  const rows = await getDb().$queryRaw<{ bucket: Date; reason: string | null; n: bigint }[]>`
    SELECT date_bin(${interval}::interval, t, ${BUCKET_ORIGIN}) AS bucket, reason, sum(n)::bigint AS n
      FROM (${Prisma.join(parts, " UNION ALL ")}) counted
     GROUP BY 1, 2`;

  const byStart = new Map<number, RejectionBucket>();
  for (let at = bucketStart(window.from, window.bucket); at < window.to; at = new Date(at.getTime() + BUCKET_MS[window.bucket])) {
    byStart.set(at.getTime(), { start: at, counts: {} });
  }
  const totals: Record<string, number> = {};
  for (const row of rows) {
    const reason = row.reason || "unknown";
    const bucket = byStart.get(row.bucket.getTime());
    if (!bucket || Number(row.n) === 0) continue;
    bucket.counts[reason] = (bucket.counts[reason] ?? 0) + Number(row.n);
    totals[reason] = (totals[reason] ?? 0) + Number(row.n);
  }
  return { buckets: [...byStart.values()], totals };
}

/**
 * For the dashboard overview: the last successful sign-in and the refusals of the last 24 hours
 * (counted like the chart, from the hourly rollup plus the partial hours at the edges).
 */
export async function signInSummary(tenantId: string, now: Date = new Date()) {
  const window: TimeWindow = { from: new Date(now.getTime() - 24 * HOUR_MS), to: now, bucket: "hour" };
  const [lastSuccess, chart] = await Promise.all([
    getDb().ssoEvent.findFirst({
      where: { tenantId, eventType: "sso.login.succeeded" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      select: { occurredAt: true, email: true },
    }),
    rejectionChart(tenantId, {}, window),
  ]);
  return { lastSuccess, rejectedLast24h: Object.values(chart.totals).reduce((sum, n) => sum + n, 0) };
}
