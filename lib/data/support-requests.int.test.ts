import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import {
  addEndUserReply,
  countRequestsByStatus,
  createSupportRequest,
  END_USER_WRITES_PER_HOUR,
  findOwnRequest,
  findRequestForStaff,
  listOwnRequests,
  listRequestsForStaff,
  replyAsStaff,
  setRequestStatus,
} from "./support-requests";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function tenantWithUsers(names: string[]) {
  const tenantId = randomUUID();
  await insertTenant(sql, "req", tenantId);
  const users: string[] = [];
  for (const name of names) {
    const id = randomUUID();
    await sql.query(`INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, $3, $4, now())`, [id, tenantId, `${id}@example.com`, name]);
    users.push(id);
  }
  return { tenantId, users };
}

/** Raises a request that must be accepted (setup for the tests about something else). */
async function raise(tenantId: string, endUserId: string, input: { subject: string; message: string }) {
  const outcome = await createSupportRequest(tenantId, endUserId, input);
  if (!outcome.ok) throw new Error(`request refused: ${outcome.reason}`);
  return outcome;
}

async function staffUser(name = "Sam Support") {
  const id = randomUUID();
  await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, 'x', now())`, [id, `${id}@example.com`, name]);
  return id;
}

describe("support requests: end users see only their own", () => {
  it("user A can neither read nor reply to user B's request (regression: a request id from the URL must not widen the query)", async () => {
    const { tenantId, users: [alice, bob] } = await tenantWithUsers(["Alice", "Bob"]);
    const bobs = await raise(tenantId, bob!, { subject: "Bob's invoice", message: "Wrong VAT" });
    await raise(tenantId, alice!, { subject: "Alice's login", message: "Cannot sign in" });

    expect(await findOwnRequest(tenantId, alice!, bobs.id)).toBeNull();
    expect(await addEndUserReply(tenantId, alice!, bobs.id, "Let me in")).toEqual({ ok: false, reason: "not_found" });
    expect((await listOwnRequests(tenantId, alice!)).items.map((r) => r.subject)).toEqual(["Alice's login"]);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM support_request_replies WHERE request_id = $1`, [bobs.id]);
    expect(rows[0].n).toBe(0);

    const own = await findOwnRequest(tenantId, bob!, bobs.id);
    expect(own).toMatchObject({ subject: "Bob's invoice", message: "Wrong VAT", status: "open", replies: [] });
  });

  it("tenant A never sees tenant B's requests, even with the right ids", async () => {
    const a = await tenantWithUsers(["Ann"]);
    const b = await tenantWithUsers(["Ben"]);
    const staff = await staffUser();
    const inB = await raise(b.tenantId, b.users[0]!, { subject: "B only", message: "secret to B" });

    // Tenant A's staff, and an end user id of tenant B used under tenant A.
    expect(await findRequestForStaff(a.tenantId, inB.id)).toBeNull();
    expect(await findOwnRequest(a.tenantId, b.users[0]!, inB.id)).toBeNull();
    expect(await replyAsStaff(a.tenantId, staff, inB.id, { body: "hi" })).toEqual({ ok: false, reason: "not_found" });
    expect(await setRequestStatus(a.tenantId, inB.id, "closed")).toEqual({ ok: false, reason: "not_found" });
    expect((await listRequestsForStaff(a.tenantId)).items).toEqual([]);
    expect(await countRequestsByStatus(a.tenantId)).toEqual({ open: 0, answered: 0, closed: 0 });
    expect((await findRequestForStaff(b.tenantId, inB.id))?.status).toBe("open");
  });

  it("an id that is not a UUID is not found rather than an error", async () => {
    const { tenantId, users } = await tenantWithUsers(["Cy"]);
    expect(await findOwnRequest(tenantId, users[0]!, "../etc")).toBeNull();
    expect(await findRequestForStaff(tenantId, "1 OR 1=1")).toBeNull();
    expect(await addEndUserReply(tenantId, users[0]!, "x", "body")).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("support requests: the conversation", () => {
  it("a staff reply answers; the end user's reply reopens; closed takes no end-user reply", async () => {
    const { tenantId, users: [dana] } = await tenantWithUsers(["Dana"]);
    const staff = await staffUser("Sam Support");
    const { id } = await raise(tenantId, dana!, { subject: "Export fails", message: "CSV is empty" });

    const t1 = new Date("2026-11-21T10:00:00.000Z");
    expect(await replyAsStaff(tenantId, staff, id, { body: "Fixed, try again." }, t1)).toEqual({ ok: true, previousStatus: "open", status: "answered", subject: "Export fails" });
    expect(await addEndUserReply(tenantId, dana!, id, "Still empty.", new Date(t1.getTime() + 1000))).toEqual({ ok: true, previousStatus: "answered", status: "open", subject: "Export fails" });
    expect(await replyAsStaff(tenantId, staff, id, { body: "Now for real.", status: "closed" }, new Date(t1.getTime() + 2000))).toMatchObject({ status: "closed" });
    expect(await addEndUserReply(tenantId, dana!, id, "Thanks!")).toEqual({ ok: false, reason: "closed" });

    const thread = await findOwnRequest(tenantId, dana!, id);
    expect(thread?.status).toBe("closed");
    expect(thread?.replies.map((r) => [r.author, r.authorName, r.body])).toEqual([
      ["staff", "Sam Support", "Fixed, try again."],
      ["end_user", "Dana", "Still empty."],
      ["staff", "Sam Support", "Now for real."],
    ]);
    // The end user's view carries no staff account ids.
    expect(JSON.stringify(thread)).not.toContain(staff);

    expect(await setRequestStatus(tenantId, id, "open")).toEqual({ ok: true, previousStatus: "closed", status: "open", subject: "Export fails" });
    expect(await setRequestStatus(tenantId, id, "open")).toEqual({ ok: true, previousStatus: "open", status: "open", subject: "Export fails" });
  });

  it("a reply and a close at the same moment: the reply is refused or lands before the close, never after", async () => {
    const { tenantId, users: [eve] } = await tenantWithUsers(["Eve"]);
    for (let round = 0; round < 5; round++) {
      const { id } = await raise(tenantId, eve!, { subject: `Race ${round}`, message: "go" });
      const [reply] = await Promise.all([addEndUserReply(tenantId, eve!, id, "me first"), setRequestStatus(tenantId, id, "closed")]);
      const { rows } = await sql.query(`SELECT status::text AS status FROM support_requests WHERE id = $1`, [id]);
      // Either the reply got in first (then the close came after it) or it saw "closed" and was refused.
      expect(rows[0].status).toBe("closed");
      expect(reply.ok || (!reply.ok && reply.reason === "closed")).toBe(true);
    }
  });
});

describe("support requests: lists", () => {
  it("pages a user's requests newest first and staff lists by latest activity, filtered by status", async () => {
    const { tenantId, users: [fay, gus] } = await tenantWithUsers(["Fay", "Gus"]);
    const staff = await staffUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await raise(tenantId, fay!, { subject: `Fay ${i}`, message: "m" });
      // A second apart, so "newest first" has one right answer (the same millisecond would tie).
      await sql.query(`UPDATE support_requests SET created_at = now() - make_interval(secs => $2), updated_at = now() - make_interval(secs => $2) WHERE id = $1`, [id, 10 - i]);
      ids.push(id);
    }
    const gusRequest = await raise(tenantId, gus!, { subject: "Gus 0", message: "m" });

    const first = await listOwnRequests(tenantId, fay!, undefined, 2);
    const second = await listOwnRequests(tenantId, fay!, first.next!, 2);
    const third = await listOwnRequests(tenantId, fay!, second.next!, 2);
    expect([...first.items, ...second.items, ...third.items].map((r) => r.subject)).toEqual(["Fay 4", "Fay 3", "Fay 2", "Fay 1", "Fay 0"]);
    expect(third.next).toBeNull();

    // Answering the oldest puts it on top of the staff list; the filter shows only that status.
    await replyAsStaff(tenantId, staff, ids[0]!, { body: "done" }, new Date(Date.now() + 60_000));
    const all = await listRequestsForStaff(tenantId);
    expect(all.items[0]).toMatchObject({ subject: "Fay 0", status: "answered", endUser: { name: "Fay" }, _count: { replies: 1 } });
    expect(all.items.map((r) => r.id)).toContain(gusRequest.id);
    const answered = await listRequestsForStaff(tenantId, { status: "answered" });
    expect(answered.items.map((r) => r.subject)).toEqual(["Fay 0"]);
    expect(await countRequestsByStatus(tenantId)).toEqual({ open: 5, answered: 1, closed: 0 });

    const paged = [];
    let before;
    do {
      const page = await listRequestsForStaff(tenantId, { status: "open", before, take: 2 });
      paged.push(...page.items.map((r) => r.subject));
      before = page.next ?? undefined;
    } while (before);
    expect(paged.sort()).toEqual(["Fay 1", "Fay 2", "Fay 3", "Fay 4", "Gus 0"]);
  });
});

describe("support requests: an end user's writes per hour", () => {
  it("counts concurrent submissions: a burst of new requests makes exactly the hour's allowance, for that user only, until the hour has passed", async () => {
    const { tenantId, users: [hal, ida] } = await tenantWithUsers(["Hal", "Ida"]);
    const limit = END_USER_WRITES_PER_HOUR.requests;
    const burst = await Promise.all(Array.from({ length: limit + 15 }, (_, i) => createSupportRequest(tenantId, hal!, { subject: `Burst ${i}`, message: "m" })));
    expect(burst.filter((outcome) => outcome.ok)).toHaveLength(limit);
    expect(burst.filter((outcome) => !outcome.ok)).toEqual(Array(15).fill({ ok: false, reason: "too_many" }));
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM support_requests WHERE tenant_id = $1 AND end_user_id = $2`, [tenantId, hal]);
    expect(rows[0].n).toBe(limit);
    expect((await createSupportRequest(tenantId, ida!, { subject: "Mine", message: "m" })).ok).toBe(true);
    const anHourLater = new Date(Date.now() + 3600_000 + 1000);
    expect((await createSupportRequest(tenantId, hal!, { subject: "Later", message: "m" }, anHourLater)).ok).toBe(true);
  });

  it("counts an end user's replies over all their requests, concurrent ones included; staff replies do not count", async () => {
    const { tenantId, users: [jo] } = await tenantWithUsers(["Jo"]);
    const staff = await staffUser();
    const first = await raise(tenantId, jo!, { subject: "One", message: "m" });
    const second = await raise(tenantId, jo!, { subject: "Two", message: "m" });
    await replyAsStaff(tenantId, staff, first.id, { body: "Staff answer" });
    const limit = END_USER_WRITES_PER_HOUR.replies;
    const replies = await Promise.all(
      Array.from({ length: limit + 10 }, (_, i) => addEndUserReply(tenantId, jo!, i % 2 === 0 ? first.id : second.id, `Reply ${i}`)),
    );
    expect(replies.filter((outcome) => outcome.ok)).toHaveLength(limit);
    expect(replies.filter((outcome) => !outcome.ok)).toEqual(Array(10).fill({ ok: false, reason: "too_many" }));
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM support_request_replies WHERE tenant_id = $1 AND author = 'end_user'`,
      [tenantId],
    );
    expect(rows[0].n).toBe(limit);
    // The staff can still answer.
    expect((await replyAsStaff(tenantId, staff, second.id, { body: "Another answer" })).ok).toBe(true);
  });
});
