// The read side of the SSO event log (search, one event, a user's other events, the export stream,
// the rejection chart) and the triggers that keep sso_rejection_hourly exact.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimeWindow } from "@/lib/logs/log-query";
import { sqlOnce } from "@/test/support/sql";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import type { LoggedEvent } from "./sso-event-queries";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

const queries = () => import("./sso-event-queries");

// Ten years of retention: a retention purge run by another test file at the same time never
// deletes these tenants' events (several are dated months ago).
async function newTenant(): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO tenants (id, name, subdomain, log_retention_days, updated_at) VALUES ($1, 'T', $2, 3650, now())`, [
    id,
    `logs-${randomBytes(4).toString("hex")}`,
  ]);
  return id;
}

interface Row {
  at: Date | string;
  type?: string;
  outcome?: "success" | "rejected" | "info";
  reason?: string | null;
  email?: string | null;
  externalId?: string | null;
  jti?: string | null;
  requestId?: string | null;
  repeat?: number;
}

/** Inserts rows in one multi-row statement, in the given order (so ids ascend with it); returns their ids. */
async function insert(tenantId: string, rows: Row[]): Promise<bigint[]> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const at = values.push(
      tenantId,
      new Date(row.at),
      row.type ?? (row.outcome === "success" ? "sso.login.succeeded" : row.outcome === "info" ? "sso.logout" : "sso.redirect_flow.rejected"),
      row.outcome ?? "rejected",
      row.reason === undefined ? (row.outcome && row.outcome !== "rejected" ? null : "bad_signature") : row.reason,
      row.email ?? null,
      row.externalId ?? null,
      row.jti ?? null,
      row.requestId ?? null,
      row.repeat ?? 1,
    );
    const p = (i: number) => `$${at - 10 + i}`;
    return `(${p(1)}::uuid, ${p(2)}::timestamptz, ${p(3)}, ${p(4)}::"EventOutcome", ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}::int)`;
  });
  const { rows: ids } = await sql.query<{ id: string }>(
    `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, external_id, jti, request_id, repeat_count)
     VALUES ${tuples.join(", ")} RETURNING id`,
    values,
  );
  return ids.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const requestIds = (events: LoggedEvent[]) => events.map((e) => e.requestId);
const at = (iso: string) => new Date(iso);

describe("searchSsoEvents", () => {
  it("pages newest first by keyset, stable when new events arrive, and never across tenants", async () => {
    const { searchSsoEvents } = await queries();
    const tenantId = await newTenant();
    const other = await newTenant();
    const base = Date.now() - 60_000;
    for (let i = 0; i < 7; i += 1) {
      await insert(tenantId, [
        { at: new Date(base + i * 1000), reason: i % 2 ? "bad_signature" : "token_expired", email: `user${i}@example.com`, requestId: `req-${i}` },
      ]);
    }
    await insert(other, [{ at: new Date(base + 3500), reason: "bad_signature", email: "user1@example.com", requestId: "req-other" }]);
    const window = { from: new Date(base - 3600_000), to: new Date(Date.now() + 3600_000) };

    const first = await searchSsoEvents(tenantId, {}, window, 3);
    expect(requestIds(first.events)).toEqual(["req-6", "req-5", "req-4"]);
    expect(first.next).toEqual({ occurredAt: new Date(base + 4000), id: first.events[2]!.id });
    // New events arrive, one of them at the very instant of the cursor (so with a larger id): the
    // next pages are unaffected.
    await insert(tenantId, [
      { at: new Date(), outcome: "info", requestId: "req-new" },
      { at: new Date(base + 4000), outcome: "info", requestId: "req-tie" },
    ]);
    const second = await searchSsoEvents(tenantId, { cursor: first.next! }, window, 3);
    expect(requestIds(second.events)).toEqual(["req-3", "req-2", "req-1"]);
    const third = await searchSsoEvents(tenantId, { cursor: second.next! }, window, 3);
    expect(requestIds(third.events)).toEqual(["req-0"]);
    expect(third.next).toBeNull();
    // An exactly full last page has no next page either.
    const exact = await searchSsoEvents(tenantId, { reason: "bad_signature" }, window, 3);
    expect(requestIds(exact.events)).toEqual(["req-5", "req-3", "req-1"]);
    expect(exact.next).toBeNull();

    // The new events are on a fresh first page, the tie just before the event it ties with.
    expect(requestIds((await searchSsoEvents(tenantId, {}, window, 4)).events)).toEqual(["req-new", "req-6", "req-5", "req-tie"]);
    expect(requestIds((await searchSsoEvents(other, {}, window)).events)).toEqual(["req-other"]);
  });

  it("filters by event type and reason, and finds by email (any case), external id, jti or request id", async () => {
    const { searchSsoEvents } = await queries();
    const tenantId = await newTenant();
    const other = await newTenant();
    const t = (minute: number) => new Date(Date.UTC(2026, 2, 5, 12, minute));
    await insert(tenantId, [
      { at: t(1), outcome: "success", email: "alice@example.com", externalId: "ext-alice", jti: "jti-1", requestId: "r1" },
      { at: t(2), reason: "bad_signature", email: "alice@example.com", requestId: "r2" },
      { at: t(3), reason: "token_expired", externalId: "ext-alice", jti: "jti-3", requestId: "r3" },
      { at: t(4), outcome: "info", email: "bob@example.com", externalId: "ext-bob", requestId: "r4" },
      { at: t(5), reason: "token_expired", email: "bob@example.com", jti: "jti-5", requestId: "r5" },
      { at: t(6), reason: "bad_signature", email: "carol@example.com", externalId: "EXT-CAROL", requestId: "r6" },
      { at: t(7), type: "widget_jwt.rejected", reason: "token_too_old", email: "dave@example.com", requestId: "r7" },
    ]);
    // Another tenant's events match every search below: none of them may show.
    await insert(other, [
      { at: t(2), reason: "bad_signature", email: "alice@example.com", externalId: "ext-alice", jti: "jti-1", requestId: "r1" },
      { at: t(3), outcome: "info", email: "bob@example.com", jti: "jti-5", requestId: "r4" },
    ]);
    const window = { from: t(0), to: t(30) };
    const search = async (query: Parameters<typeof searchSsoEvents>[1]) => requestIds((await searchSsoEvents(tenantId, query, window)).events);

    expect(await search({})).toEqual(["r7", "r6", "r5", "r4", "r3", "r2", "r1"]);
    expect(await search({ type: "sso.redirect_flow.rejected" })).toEqual(["r6", "r5", "r3", "r2"]);
    expect(await search({ type: "widget_jwt.rejected" })).toEqual(["r7"]);
    // "Any rejection": every kind of refusal, what the chart and the overview count.
    expect(await search({ type: "rejected" })).toEqual(["r7", "r6", "r5", "r3", "r2"]);
    expect(await search({ type: "sso.login.succeeded" })).toEqual(["r1"]);
    expect(await search({ type: "sso.logout" })).toEqual(["r4"]);
    expect(await search({ reason: "token_expired" })).toEqual(["r5", "r3"]);
    expect(await search({ reason: "bad_signature", type: "sso.redirect_flow.rejected" })).toEqual(["r6", "r2"]);
    expect(await search({ reason: "bad_signature", type: "sso.logout" })).toEqual([]);

    expect(await search({ q: "alice@example.com" })).toEqual(["r2", "r1"]);
    expect(await search({ q: "Alice@Example.COM" })).toEqual(["r2", "r1"]);
    expect(await search({ q: "  BOB@example.com  " })).toEqual(["r5", "r4"]);
    expect(await search({ q: "ext-alice" })).toEqual(["r3", "r1"]);
    expect(await search({ q: "EXT-CAROL" })).toEqual(["r6"]);
    expect(await search({ q: "jti-5" })).toEqual(["r5"]);
    expect(await search({ q: "jti-1" })).toEqual(["r1"]);
    expect(await search({ q: "r4" })).toEqual(["r4"]);
    expect(await search({ q: "R4" })).toEqual(["r4"]); // a request id retyped in capitals
    expect(await search({ q: "nobody@example.com" })).toEqual([]);
    // A search combines with the other filters.
    expect(await search({ q: "alice@example.com", type: "sso.redirect_flow.rejected" })).toEqual(["r2"]);
    expect(await search({ q: "bob@example.com", reason: "token_expired" })).toEqual(["r5"]);
    // A blank search is no search.
    expect(await search({ q: "   " })).toEqual(["r7", "r6", "r5", "r4", "r3", "r2", "r1"]);
  });

  it("returns what is in the window: from inclusive, to exclusive", async () => {
    const { searchSsoEvents } = await queries();
    const tenantId = await newTenant();
    await insert(tenantId, [
      { at: "2026-03-01T09:59:59.999Z", requestId: "before" },
      { at: "2026-03-01T10:00:00.000Z", requestId: "at-from" },
      { at: "2026-03-01T10:30:00.000Z", requestId: "inside" },
      { at: "2026-03-01T10:59:59.999Z", requestId: "last-ms" },
      { at: "2026-03-01T11:00:00.000Z", requestId: "at-to" },
    ]);
    const window = { from: at("2026-03-01T10:00:00Z"), to: at("2026-03-01T11:00:00Z") };
    expect(requestIds((await searchSsoEvents(tenantId, {}, window)).events)).toEqual(["last-ms", "inside", "at-from"]);
    // Paging stays inside the window.
    const first = await searchSsoEvents(tenantId, {}, window, 2);
    expect(requestIds(first.events)).toEqual(["last-ms", "inside"]);
    const second = await searchSsoEvents(tenantId, { cursor: first.next! }, window, 2);
    expect(requestIds(second.events)).toEqual(["at-from"]);
    expect(second.next).toBeNull();
    // An empty window returns nothing.
    expect((await searchSsoEvents(tenantId, {}, { from: window.from, to: window.from })).events).toEqual([]);
  });
});

describe("streamSsoEvents", () => {
  async function collect<T>(stream: AsyncIterable<T[]>) {
    const batches: T[][] = [];
    for await (const batch of stream) batches.push(batch);
    return batches;
  }

  it("yields every matching event exactly once, newest first, a batch at a time", async () => {
    const { searchSsoEvents, streamSsoEvents } = await queries();
    const tenantId = await newTenant();
    const other = await newTenant();
    // Ten events, several sharing a timestamp across batch boundaries (the keyset must break ties by id).
    const times = ["10:00:01", "10:00:02", "10:00:03", "10:00:03", "10:00:03", "10:00:03", "10:00:04", "10:00:05", "10:00:05", "10:00:06"];
    await insert(
      tenantId,
      times.map((time, i) => ({ at: `2026-03-02T${time}Z`, reason: i % 3 === 0 ? "token_expired" : "bad_signature", requestId: `s${i}` })),
    );
    await insert(other, [{ at: "2026-03-02T10:00:03Z", requestId: "other" }]);
    const window = { from: at("2026-03-02T10:00:00Z"), to: at("2026-03-02T11:00:00Z") };

    const batches = await collect(streamSsoEvents(tenantId, {}, window, 3));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    const streamed = batches.flat();
    // Newest first, ties broken by id, newest id first: exactly what one big page returns.
    expect(requestIds(streamed)).toEqual(["s9", "s8", "s7", "s6", "s5", "s4", "s3", "s2", "s1", "s0"]);
    expect(new Set(streamed.map((e) => e.id)).size).toBe(10);
    expect(streamed).toEqual((await searchSsoEvents(tenantId, {}, window, 100)).events);

    // Filters apply to every batch.
    const filtered = (await collect(streamSsoEvents(tenantId, { reason: "token_expired" }, window, 3))).flat();
    expect(requestIds(filtered)).toEqual(["s9", "s6", "s3", "s0"]);
    const bad = await collect(streamSsoEvents(tenantId, { reason: "bad_signature" }, window, 3));
    expect(bad.map(requestIds)).toEqual([["s8", "s7", "s5"], ["s4", "s2", "s1"]]);
    // The window too.
    const late = (await collect(streamSsoEvents(tenantId, {}, { from: at("2026-03-02T10:00:03Z"), to: at("2026-03-02T10:00:05Z") }, 3))).flat();
    expect(requestIds(late)).toEqual(["s6", "s5", "s4", "s3", "s2"]);
    // Nothing matching: no batch at all.
    expect(await collect(streamSsoEvents(tenantId, { q: "nobody" }, window, 3))).toEqual([]);
  });
});

describe("findSsoEvent", () => {
  it("finds the tenant's own event, and nothing for another tenant's id or an unknown one", async () => {
    const { findSsoEvent } = await queries();
    const tenantId = await newTenant();
    const other = await newTenant();
    const [mine] = await insert(tenantId, [
      { at: "2026-03-03T08:00:00.123Z", reason: "token_expired", email: "dana@example.com", externalId: "ext-dana", jti: "j-d", requestId: "rq-d", repeat: 4 },
    ]);
    const [theirs] = await insert(other, [{ at: "2026-03-03T08:00:00Z", requestId: "rq-other" }]);

    const event = await findSsoEvent(tenantId, mine!);
    expect(event).toMatchObject({
      id: mine,
      occurredAt: at("2026-03-03T08:00:00.123Z"),
      eventType: "sso.redirect_flow.rejected",
      outcome: "rejected",
      reasonCode: "token_expired",
      email: "dana@example.com",
      externalId: "ext-dana",
      jti: "j-d",
      requestId: "rq-d",
      repeatCount: 4,
      details: {},
    });
    expect(await findSsoEvent(tenantId, theirs!)).toBeNull();
    expect(await findSsoEvent(other, mine!)).toBeNull();
    expect((await findSsoEvent(other, theirs!))?.requestId).toBe("rq-other");
    expect(await findSsoEvent(tenantId, 9_000_000_000_000_000_000n)).toBeNull();
  });
});

describe("otherEventsOfSameUser", () => {
  it("lists the newest other events with the same external id or email, in this tenant only, limited", async () => {
    const { findSsoEvent, otherEventsOfSameUser } = await queries();
    const tenantId = await newTenant();
    const other = await newTenant();
    const t = (minute: number) => new Date(Date.UTC(2026, 2, 4, 9, minute));
    const ids = await insert(tenantId, [
      { at: t(1), outcome: "success", email: "erin@example.com", externalId: "ext-erin", requestId: "o1" },
      { at: t(2), reason: "token_expired", email: "erin@example.com", requestId: "o2" },
      { at: t(3), reason: "bad_signature", externalId: "ext-erin", requestId: "o3" },
      { at: t(4), outcome: "success", email: "erin@example.com", externalId: "ext-erin", requestId: "subject" },
      { at: t(5), outcome: "success", email: "frank@example.com", externalId: "ext-frank", requestId: "o5" },
      { at: t(6), outcome: "info", email: "erin@example.com", requestId: "o6" },
      { at: t(7), reason: "jti_replayed", email: "ERIN@EXAMPLE.COM.invalid", requestId: "o7" },
      { at: t(8), outcome: "success", email: "newer-address@example.com", externalId: "ext-erin", requestId: "o8" },
    ]);
    await insert(other, [{ at: t(9), outcome: "success", email: "erin@example.com", externalId: "ext-erin", requestId: "other-tenant" }]);
    const subject = (await findSsoEvent(tenantId, ids[3]!))!;
    expect(subject.requestId).toBe("subject");

    expect(requestIds(await otherEventsOfSameUser(tenantId, subject))).toEqual(["o8", "o6", "o3", "o2", "o1"]);
    expect(requestIds(await otherEventsOfSameUser(tenantId, subject, 3))).toEqual(["o8", "o6", "o3"]);
    // By email alone, or by external id alone.
    expect(requestIds(await otherEventsOfSameUser(tenantId, { ...subject, externalId: null }))).toEqual(["o6", "o2", "o1"]);
    expect(requestIds(await otherEventsOfSameUser(tenantId, { ...subject, email: null }))).toEqual(["o8", "o3", "o1"]);
    // An event about nobody in particular has no "same user".
    expect(await otherEventsOfSameUser(tenantId, { ...subject, email: null, externalId: null })).toEqual([]);
    // The other tenant's view of the same person never includes this tenant's events.
    const theirs = (await otherEventsOfSameUser(other, subject)).map((e) => e.requestId);
    expect(theirs).toEqual(["other-tenant"]);
  });
});

describe("rejectionChart", () => {
  // A window whose edges are not on hours: 10:30 to 15:20 UTC.
  const window: TimeWindow = { from: at("2026-03-01T10:30:00Z"), to: at("2026-03-01T15:20:00Z"), bucket: "hour" };
  const hourBuckets = (counts: Record<string, Record<string, number>>) =>
    ["10", "11", "12", "13", "14", "15"].map((h) => ({ start: at(`2026-03-01T${h}:00:00Z`), counts: counts[h] ?? {} }));

  async function seedChartTenant(): Promise<string> {
    const tenantId = await newTenant();
    await insert(tenantId, [
      // Just outside the window: in the hours it starts and ends in, but not counted.
      { at: "2026-03-01T10:00:00Z", reason: "bad_signature", repeat: 100 },
      { at: "2026-03-01T10:29:59.999Z", reason: "bad_signature", email: "alice@example.com", repeat: 100 },
      { at: "2026-03-01T15:20:00Z", reason: "token_expired", email: "alice@example.com", repeat: 100 },
      { at: "2026-03-01T15:59:59.999Z", reason: "bad_signature", repeat: 100 },
      { at: "2026-03-01T09:00:00Z", reason: "bad_signature", repeat: 100 },
      { at: "2026-03-01T16:00:00Z", reason: "bad_signature", repeat: 100 },
      // The partial first hour.
      { at: "2026-03-01T10:30:00Z", reason: "bad_signature", email: "alice@example.com", repeat: 3 },
      { at: "2026-03-01T10:45:00Z", reason: "token_expired" },
      // Whole hours.
      { at: "2026-03-01T11:00:00Z", reason: "bad_signature", repeat: 2 },
      { at: "2026-03-01T12:15:00Z", reason: "token_expired", email: "alice@example.com", externalId: "ext-alice", repeat: 5 },
      { at: "2026-03-01T12:59:59.999Z", reason: "bad_signature" },
      { at: "2026-03-01T14:30:00Z", reason: null },
      { at: "2026-03-01T14:31:00Z", reason: "jti_replayed", type: "sso.login.succeeded" },
      // The partial last hour.
      { at: "2026-03-01T15:00:00Z", reason: "bad_signature" },
      { at: "2026-03-01T15:19:59.999Z", reason: "token_expired", email: "alice@example.com", repeat: 4 },
      // Sign-ins and logouts are never rejections, whatever they carry.
      { at: "2026-03-01T10:40:00Z", outcome: "success", reason: "bad_signature", email: "alice@example.com", repeat: 7 },
      { at: "2026-03-01T12:00:00Z", outcome: "success", email: "alice@example.com" },
      { at: "2026-03-01T13:30:00Z", outcome: "info", reason: "token_expired", repeat: 9 },
      { at: "2026-03-01T15:10:00Z", outcome: "success", reason: "token_expired", repeat: 9 },
    ]);
    // Another tenant's rejections in the same hours.
    const other = await newTenant();
    await insert(other, [
      { at: "2026-03-01T10:35:00Z", reason: "bad_signature", email: "alice@example.com", repeat: 50 },
      { at: "2026-03-01T12:30:00Z", reason: "token_expired", email: "alice@example.com", repeat: 50 },
      { at: "2026-03-01T15:05:00Z", reason: "bad_signature", email: "alice@example.com", repeat: 50 },
    ]);
    return tenantId;
  }

  it("counts exactly over a window with partial hours at both edges, repeat counts included", async () => {
    const { rejectionChart } = await queries();
    const tenantId = await seedChartTenant();
    const chart = await rejectionChart(tenantId, {}, window);
    expect(chart.totals).toEqual({ bad_signature: 7, token_expired: 10, unknown: 1, jti_replayed: 1 });
    expect(chart.buckets).toEqual(
      hourBuckets({
        "10": { bad_signature: 3, token_expired: 1 },
        "11": { bad_signature: 2 },
        "12": { token_expired: 5, bad_signature: 1 },
        "14": { unknown: 1, jti_replayed: 1 },
        "15": { bad_signature: 1, token_expired: 4 },
      }),
    );
  });

  it("counts the same whether the window is on hour boundaries, inside one hour, or straddles one", async () => {
    const { rejectionChart } = await queries();
    const tenantId = await seedChartTenant();
    // Whole hours only: the rollup alone.
    const whole = await rejectionChart(tenantId, {}, { from: at("2026-03-01T11:00:00Z"), to: at("2026-03-01T15:00:00Z"), bucket: "hour" });
    expect(whole.totals).toEqual({ bad_signature: 3, token_expired: 5, unknown: 1, jti_replayed: 1 });
    expect(whole.buckets.map((b) => b.start)).toEqual(["11", "12", "13", "14"].map((h) => at(`2026-03-01T${h}:00:00Z`)));
    // Inside one hour: the events alone.
    const inside = await rejectionChart(tenantId, {}, { from: at("2026-03-01T10:29:59.999Z"), to: at("2026-03-01T10:45:00Z"), bucket: "hour" });
    expect(inside).toEqual({ buckets: [{ start: at("2026-03-01T10:00:00Z"), counts: { bad_signature: 103 } }], totals: { bad_signature: 103 } });
    // Across one hour boundary, no whole hour in between.
    const across = await rejectionChart(tenantId, {}, { from: at("2026-03-01T10:40:00Z"), to: at("2026-03-01T11:30:00Z"), bucket: "hour" });
    expect(across).toEqual({
      buckets: [
        { start: at("2026-03-01T10:00:00Z"), counts: { token_expired: 1 } },
        { start: at("2026-03-01T11:00:00Z"), counts: { bad_signature: 2 } },
      ],
      totals: { token_expired: 1, bad_signature: 2 },
    });
    // One whole hour and a partial one on each side.
    const small = await rejectionChart(tenantId, {}, { from: at("2026-03-01T11:30:00Z"), to: at("2026-03-01T13:00:00.001Z"), bucket: "hour" });
    expect(small.totals).toEqual({ token_expired: 5, bad_signature: 1 });
  });

  it("respects the reason, type and search filters", async () => {
    const { rejectionChart } = await queries();
    const tenantId = await seedChartTenant();

    const bad = await rejectionChart(tenantId, { reason: "bad_signature" }, window);
    expect(bad.totals).toEqual({ bad_signature: 7 });
    expect(bad.buckets).toEqual(hourBuckets({ "10": { bad_signature: 3 }, "11": { bad_signature: 2 }, "12": { bad_signature: 1 }, "15": { bad_signature: 1 } }));

    const expired = await rejectionChart(tenantId, { reason: "token_expired" }, window);
    expect(expired.totals).toEqual({ token_expired: 10 });

    const redirect = await rejectionChart(tenantId, { type: "sso.redirect_flow.rejected" }, window);
    expect(redirect.totals).toEqual({ bad_signature: 7, token_expired: 10, unknown: 1 });
    expect((await rejectionChart(tenantId, { type: "sso.logout" }, window)).totals).toEqual({});
    // "Any rejection" counts what the unfiltered chart counts, from the rollup and the raw edges alike.
    const anyRejection = await rejectionChart(tenantId, { type: "rejected" }, window);
    expect(anyRejection).toEqual(await rejectionChart(tenantId, {}, window));
    expect(anyRejection.totals).toEqual({ bad_signature: 7, token_expired: 10, unknown: 1, jti_replayed: 1 });

    // A search counts only that person's rejections (the email in any case, or the external id).
    const alice = await rejectionChart(tenantId, { q: "Alice@Example.com" }, window);
    expect(alice.totals).toEqual({ bad_signature: 3, token_expired: 9 });
    expect(alice.buckets).toEqual(hourBuckets({ "10": { bad_signature: 3 }, "12": { token_expired: 5 }, "15": { token_expired: 4 } }));
    expect((await rejectionChart(tenantId, { q: "alice@example.com", reason: "token_expired" }, window)).totals).toEqual({ token_expired: 9 });
    expect((await rejectionChart(tenantId, { q: "ext-alice" }, window)).totals).toEqual({ token_expired: 5 });
    expect((await rejectionChart(tenantId, { q: "nobody@example.com" }, window)).totals).toEqual({});
  });

  it("buckets by UTC day, starting at midnight, with partial days at both edges", async () => {
    const { rejectionChart } = await queries();
    const tenantId = await newTenant();
    await insert(tenantId, [
      { at: "2026-03-01T00:00:00Z", reason: "bad_signature", repeat: 100 }, // before the window
      { at: "2026-03-01T10:29:00Z", reason: "bad_signature", repeat: 100 }, // before the window
      { at: "2026-03-01T10:30:00Z", reason: "bad_signature", repeat: 2 },
      { at: "2026-03-01T23:59:59.999Z", reason: "token_expired" },
      { at: "2026-03-02T00:00:00Z", reason: "token_expired", repeat: 3 },
      { at: "2026-03-02T13:00:00Z", reason: "bad_signature" },
      { at: "2026-03-02T14:00:00Z", outcome: "success" },
      { at: "2026-03-03T04:59:00Z", reason: "bad_signature", repeat: 6 },
      { at: "2026-03-03T05:00:00Z", reason: "bad_signature", repeat: 100 }, // the window's end
      { at: "2026-03-03T23:00:00Z", reason: "bad_signature", repeat: 100 },
    ]);
    const chart = await rejectionChart(tenantId, {}, { from: at("2026-03-01T10:30:00Z"), to: at("2026-03-03T05:00:00Z"), bucket: "day" });
    expect(chart).toEqual({
      buckets: [
        { start: at("2026-03-01T00:00:00Z"), counts: { bad_signature: 2, token_expired: 1 } },
        { start: at("2026-03-02T00:00:00Z"), counts: { token_expired: 3, bad_signature: 1 } },
        { start: at("2026-03-03T00:00:00Z"), counts: { bad_signature: 6 } },
      ],
      totals: { bad_signature: 9, token_expired: 4 },
    });
    // The same events by hour land in hour buckets.
    const hourly = await rejectionChart(tenantId, {}, { from: at("2026-03-01T23:30:00Z"), to: at("2026-03-02T01:00:00Z"), bucket: "hour" });
    expect(hourly.buckets).toEqual([
      { start: at("2026-03-01T23:00:00Z"), counts: { token_expired: 1 } },
      { start: at("2026-03-02T00:00:00Z"), counts: { token_expired: 3 } },
    ]);
    // Weeks start on Monday (2026-03-01 is a Sunday, 2026-03-02 a Monday).
    const weekly = await rejectionChart(tenantId, {}, { from: at("2026-03-01T10:30:00Z"), to: at("2026-03-03T05:00:00Z"), bucket: "week" });
    expect(weekly).toEqual({
      buckets: [
        { start: at("2026-02-23T00:00:00Z"), counts: { bad_signature: 2, token_expired: 1 } },
        { start: at("2026-03-02T00:00:00Z"), counts: { token_expired: 3, bad_signature: 7 } },
      ],
      totals: { bad_signature: 9, token_expired: 4 },
    });
  });

  it("follows flood control and the retention purge (the rollup kept by the triggers)", async () => {
    const { rejectionChart } = await queries();
    const tenantId = await seedChartTenant();
    const { rows } = await sql.query<{ id: string }>(`SELECT id FROM sso_events WHERE tenant_id = $1 AND occurred_at = '2026-03-01T11:00:00Z'`, [tenantId]);
    for (let i = 0; i < 5; i += 1) await sql.query(`UPDATE sso_events SET repeat_count = repeat_count + 1 WHERE id = $1`, [rows[0]!.id]);
    expect((await rejectionChart(tenantId, {}, window)).totals).toEqual({ bad_signature: 12, token_expired: 10, unknown: 1, jti_replayed: 1 });
    await sql.query(`DELETE FROM sso_events WHERE tenant_id = $1 AND occurred_at < '2026-03-01T12:30:00Z'`, [tenantId]);
    const chart = await rejectionChart(tenantId, {}, window);
    expect(chart.totals).toEqual({ bad_signature: 2, token_expired: 4, unknown: 1, jti_replayed: 1 });
    expect(chart.buckets).toEqual(
      hourBuckets({ "12": { bad_signature: 1 }, "14": { unknown: 1, jti_replayed: 1 }, "15": { bad_signature: 1, token_expired: 4 } }),
    );
  });
});

describe("sso_rejection_hourly triggers", () => {
  interface RollupRow {
    hour: Date;
    event_type: string;
    reason_code: string;
    count: number;
  }

  async function rollup(tenantId: string): Promise<RollupRow[]> {
    const { rows } = await sql.query<RollupRow>(
      `SELECT hour, event_type, reason_code, count::int AS count FROM sso_rejection_hourly WHERE tenant_id = $1 ORDER BY 1, 2, 3`,
      [tenantId],
    );
    return rows;
  }

  /** What the rollup must be: recomputed from the events. */
  async function recomputed(tenantId: string): Promise<RollupRow[]> {
    const { rows } = await sql.query<RollupRow>(
      `SELECT date_trunc('hour', occurred_at, 'UTC') AS hour, event_type, coalesce(reason_code, '') AS reason_code, sum(repeat_count)::int AS count
         FROM sso_events WHERE tenant_id = $1 AND outcome = 'rejected' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [tenantId],
    );
    return rows;
  }

  async function expectExact(tenantId: string, expected: [string, string, string, number][]) {
    const rows = (await rollup(tenantId)).map((r) => [r.hour.toISOString(), r.event_type, r.reason_code, r.count]);
    expect(rows).toEqual(expected);
    expect(await rollup(tenantId)).toEqual(await recomputed(tenantId));
  }

  const R = "sso.redirect_flow.rejected";

  it("counts inserted rejections, one row or many per statement, repeat counts included", async () => {
    const tenantId = await newTenant();
    const other = await newTenant();
    await insert(tenantId, [{ at: "2026-04-01T10:15:00Z", reason: "bad_signature" }]);
    await expectExact(tenantId, [["2026-04-01T10:00:00.000Z", R, "bad_signature", 1]]);

    await insert(tenantId, [
      { at: "2026-04-01T10:59:59.999Z", reason: "bad_signature", repeat: 4 },
      { at: "2026-04-01T10:20:00Z", reason: "token_expired" },
      { at: "2026-04-01T11:00:00Z", reason: "bad_signature", repeat: 2 },
      { at: "2026-04-01T11:10:00Z", reason: null, repeat: 3 },
      { at: "2026-04-01T11:20:00Z", reason: "jti_replayed", type: "sso.login.succeeded" },
      { at: "2026-04-01T11:30:00Z", outcome: "success", email: "a@example.com" },
      { at: "2026-04-01T11:40:00Z", outcome: "info", reason: "token_expired", repeat: 5 },
    ]);
    await insert(other, [{ at: "2026-04-01T10:15:00Z", reason: "bad_signature", repeat: 9 }]);
    await expectExact(tenantId, [
      ["2026-04-01T10:00:00.000Z", R, "bad_signature", 5],
      ["2026-04-01T10:00:00.000Z", R, "token_expired", 1],
      ["2026-04-01T11:00:00.000Z", "sso.login.succeeded", "jti_replayed", 1],
      ["2026-04-01T11:00:00.000Z", R, "", 3],
      ["2026-04-01T11:00:00.000Z", R, "bad_signature", 2],
    ]);
    await expectExact(other, [["2026-04-01T10:00:00.000Z", R, "bad_signature", 9]]);

    // A statement of only successes changes nothing.
    await insert(tenantId, [{ at: "2026-04-01T10:30:00Z", outcome: "success" }]);
    expect(await rollup(tenantId)).toEqual(await recomputed(tenantId));
  });

  it("follows flood-control folds and other updates", async () => {
    const tenantId = await newTenant();
    const [a, b, c] = await insert(tenantId, [
      { at: "2026-04-02T08:10:00Z", reason: "bad_signature" },
      { at: "2026-04-02T08:20:00Z", reason: "bad_signature", repeat: 2 },
      { at: "2026-04-02T09:05:00Z", reason: "token_expired" },
    ]);
    await insert(tenantId, [{ at: "2026-04-02T08:30:00Z", outcome: "success" }]);
    // What flood control does, one request at a time.
    for (let i = 0; i < 3; i += 1) await sql.query(`UPDATE sso_events SET repeat_count = repeat_count + 1 WHERE id = $1`, [b]);
    await expectExact(tenantId, [
      ["2026-04-02T08:00:00.000Z", R, "bad_signature", 6],
      ["2026-04-02T09:00:00.000Z", R, "token_expired", 1],
    ]);
    // Several rows in one statement, and a no-op update.
    await sql.query(`UPDATE sso_events SET repeat_count = repeat_count + 10 WHERE tenant_id = $1`, [tenantId]);
    await sql.query(`UPDATE sso_events SET request_id = 'touched' WHERE tenant_id = $1`, [tenantId]);
    await expectExact(tenantId, [
      ["2026-04-02T08:00:00.000Z", R, "bad_signature", 26],
      ["2026-04-02T09:00:00.000Z", R, "token_expired", 11],
    ]);
    // An update that moves counts between keys (hour, reason, outcome) takes them from one and gives
    // them to the other. (The key left behind keeps a row with count 0, harmless to the chart.)
    await sql.query(`UPDATE sso_events SET occurred_at = '2026-04-02T10:00:00Z' WHERE id = $1`, [c]);
    await sql.query(`UPDATE sso_events SET reason_code = 'key_required' WHERE id = $1`, [a]);
    const nonZero = async () => (await rollup(tenantId)).filter((r) => r.count !== 0);
    expect(await nonZero()).toEqual(await recomputed(tenantId));
    expect((await nonZero()).map((r) => [r.hour.toISOString(), r.reason_code, r.count])).toEqual([
      ["2026-04-02T08:00:00.000Z", "bad_signature", 15],
      ["2026-04-02T08:00:00.000Z", "key_required", 11],
      ["2026-04-02T10:00:00.000Z", "token_expired", 11],
    ]);
    await sql.query(`UPDATE sso_events SET outcome = 'info' WHERE id = $1`, [a]);
    expect(await nonZero()).toEqual(await recomputed(tenantId));
  });

  it("follows deletes (the retention purge) and removes the keys they empty", async () => {
    const tenantId = await newTenant();
    const other = await newTenant();
    const ids = await insert(tenantId, [
      { at: "2026-04-03T06:10:00Z", reason: "bad_signature", repeat: 3 },
      { at: "2026-04-03T06:50:00Z", reason: "bad_signature" },
      { at: "2026-04-03T06:55:00Z", reason: "token_expired", repeat: 2 },
      { at: "2026-04-03T07:05:00Z", reason: "bad_signature", repeat: 5 },
      { at: "2026-04-03T07:06:00Z", reason: null },
      { at: "2026-04-03T08:00:00Z", reason: "bad_signature" },
    ]);
    await insert(tenantId, [{ at: "2026-04-03T06:30:00Z", outcome: "success" }]);
    await insert(other, [{ at: "2026-04-03T06:10:00Z", reason: "bad_signature", repeat: 4 }]);

    // One row: its key keeps the rest of its count.
    await sql.query(`DELETE FROM sso_events WHERE id = $1`, [ids[0]]);
    await expectExact(tenantId, [
      ["2026-04-03T06:00:00.000Z", R, "bad_signature", 1],
      ["2026-04-03T06:00:00.000Z", R, "token_expired", 2],
      ["2026-04-03T07:00:00.000Z", R, "", 1],
      ["2026-04-03T07:00:00.000Z", R, "bad_signature", 5],
      ["2026-04-03T08:00:00.000Z", R, "bad_signature", 1],
    ]);
    // The purge's statement shape, several rows and keys at once: emptied keys go.
    await sql.query(
      `DELETE FROM sso_events WHERE id = ANY(ARRAY(SELECT id FROM sso_events WHERE tenant_id = $1 AND occurred_at < '2026-04-03T07:30:00Z' FOR UPDATE SKIP LOCKED))`,
      [tenantId],
    );
    await expectExact(tenantId, [["2026-04-03T08:00:00.000Z", R, "bad_signature", 1]]);
    await sql.query(`DELETE FROM sso_events WHERE tenant_id = $1`, [tenantId]);
    await expectExact(tenantId, []);
    // The other tenant's counts are untouched.
    await expectExact(other, [["2026-04-03T06:00:00.000Z", R, "bad_signature", 4]]);
  });

  it("stays exact under concurrency: flood-controlled recordSsoEvent calls and concurrent inserts", async () => {
    const { MAX_REJECTION_ROWS_PER_SECOND, recordSsoEvent } = await import("./sso-events");
    const tenantId = await newTenant();
    const now = new Date();
    const hour = new Date(Math.floor(now.getTime() / 3600_000) * 3600_000);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        recordSsoEvent(tenantId, { eventType: R, outcome: "rejected", reasonCode: "bad_signature", clientIp: "203.0.113.40", requestId: randomUUID() }, now),
      ),
    );
    const { rows } = await sql.query(`SELECT count(*)::int AS rows, sum(repeat_count)::int AS total FROM sso_events WHERE tenant_id = $1`, [tenantId]);
    expect(rows[0]).toEqual({ rows: MAX_REJECTION_ROWS_PER_SECOND, total: 40 });
    expect(await rollup(tenantId)).toEqual([{ hour, event_type: R, reason_code: "bad_signature", count: 40 }]);

    // Different IPs take different flood-control locks: concurrent inserts on one rollup key.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordSsoEvent(tenantId, { eventType: R, outcome: "rejected", reasonCode: "bad_signature", clientIp: `198.51.100.${i}` }, now),
      ),
    );
    // Multi-row statements from separate connections at once.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        sqlOnce(
          testDatabaseUrl(),
          `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, repeat_count)
           SELECT $1::uuid, $2::timestamptz, $3, 'rejected', r, 2 FROM unnest(ARRAY['bad_signature', 'token_expired']) AS r`,
          [tenantId, now, R],
        ),
      ),
    );
    expect(await rollup(tenantId)).toEqual([
      { hour, event_type: R, reason_code: "bad_signature", count: 100 },
      { hour, event_type: R, reason_code: "token_expired", count: 20 },
    ]);
    expect(await rollup(tenantId)).toEqual(await recomputed(tenantId));
  });

  it("lets a tenant with rejections be deleted (its events and rollup rows cascade)", async () => {
    const tenantId = await newTenant();
    await insert(tenantId, [
      { at: "2026-04-04T10:00:00Z", reason: "bad_signature", repeat: 2 },
      { at: "2026-04-04T11:00:00Z", reason: "token_expired" },
    ]);
    await expectExact(tenantId, [
      ["2026-04-04T10:00:00.000Z", R, "bad_signature", 2],
      ["2026-04-04T11:00:00.000Z", R, "token_expired", 1],
    ]);
    await sql.query(`DELETE FROM tenants WHERE id = $1`, [tenantId]);
    expect((await sql.query(`SELECT count(*)::int AS n FROM sso_events WHERE tenant_id = $1`, [tenantId])).rows[0].n).toBe(0);
    expect(await rollup(tenantId)).toEqual([]);
  });
});
