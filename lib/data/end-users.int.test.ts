import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOpaqueToken, hashOpaqueToken } from "@/lib/sso/opaque-token";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { countLiveEndUserSessions, findSignedInEndUser, revokeEndUserSessions } from "./end-user-sessions";
import { countEndUsers, findEndUser, listEndUsers, signOutEndUser, suspendEndUser, unsuspendEndUser } from "./end-users";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

interface Person {
  email: string;
  name: string;
  externalId?: string;
  suspended?: boolean;
  /** minutes before now */
  lastLoginAgo?: number;
}

async function tenantWith(people: Person[]): Promise<{ tenantId: string; ids: string[] }> {
  const tenantId = randomUUID();
  await insertTenant(sql, "people", tenantId);
  const ids: string[] = [];
  // One clock reading for the whole tenant: people given the same lastLoginAgo really tie.
  const start = Date.now();
  for (const person of people) {
    const id = randomUUID();
    await sql.query(
      `INSERT INTO end_users (id, tenant_id, email, name, external_id, suspended, last_login_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [id, tenantId, person.email, person.name, person.externalId ?? null, person.suspended ?? false, new Date(start - (person.lastLoginAgo ?? 0) * 60_000)],
    );
    ids.push(id);
  }
  return { tenantId, ids };
}

/** A session cookie value for the end user, live for an hour (or already ended). */
async function startSession(tenantId: string, endUserId: string, options: { revoked?: boolean } = {}): Promise<string> {
  const cookie = generateOpaqueToken();
  await sql.query(
    `INSERT INTO end_user_sessions (id, tenant_id, end_user_id, token_hash, expires_at, revoked_at) VALUES (gen_random_uuid(), $1, $2, $3, now() + interval '1 hour', $4)`,
    [tenantId, endUserId, hashOpaqueToken(cookie), options.revoked ? new Date() : null],
  );
  return cookie;
}

async function storedSuspended(endUserId: string): Promise<boolean> {
  const { rows } = await sql.query<{ suspended: boolean }>(`SELECT suspended FROM end_users WHERE id = $1`, [endUserId]);
  return rows[0]!.suspended;
}

describe("listing a tenant's end users", () => {
  it("finds a part of the email, name or external id in any case", async () => {
    const { tenantId } = await tenantWith([
      { email: "ada@analytical.example", name: "Ada Lovelace", externalId: "cust-1001" },
      { email: "grace@navy.example", name: "Grace Hopper", externalId: "CUST-2002" },
      { email: "alan@bletchley.example", name: "Alan Turing" },
    ]);
    const emails = async (search: string) => (await listEndUsers(tenantId, { search })).items.map((person) => person.email).sort();
    expect(await emails("NAVY")).toEqual(["grace@navy.example"]);
    expect(await emails("lovel")).toEqual(["ada@analytical.example"]);
    expect(await emails("cust-")).toEqual(["ada@analytical.example", "grace@navy.example"]);
    expect(await emails("  turing  ")).toEqual(["alan@bletchley.example"]);
    expect(await emails("nobody")).toEqual([]);
  });

  it("takes % and _ in a search literally (regression: they are LIKE wildcards)", async () => {
    const { tenantId } = await tenantWith([
      { email: "first_last@example.com", name: "Underscore" },
      { email: "firstxlast@example.com", name: "No underscore" },
      { email: "percent@example.com", name: "100% sure" },
      { email: "back@example.com", name: "back\\slash" },
    ]);
    const names = async (search: string) => (await listEndUsers(tenantId, { search })).items.map((person) => person.name);
    expect(await names("t_l")).toEqual(["Underscore"]);
    expect(await names("%")).toEqual(["100% sure"]);
    expect(await names("\\")).toEqual(["back\\slash"]);
  });

  it("filters to the suspended, and counts both", async () => {
    const { tenantId } = await tenantWith([
      { email: "a@example.com", name: "A", suspended: true },
      { email: "b@example.com", name: "B" },
      { email: "c@example.com", name: "C", suspended: true },
    ]);
    const suspended = await listEndUsers(tenantId, { suspendedOnly: true });
    expect(suspended.items.map((person) => person.email).sort()).toEqual(["a@example.com", "c@example.com"]);
    expect(suspended.items.every((person) => person.suspended)).toBe(true);
    expect((await listEndUsers(tenantId, { suspendedOnly: true, search: "c@" })).items.map((person) => person.email)).toEqual(["c@example.com"]);
    expect(await countEndUsers(tenantId)).toEqual({ all: 3, suspended: 2 });
  });

  it("pages newest sign-in first, each person once, ties broken by id", async () => {
    // 7 people, 3 of whom signed in at the very same moment: the tie must not repeat or drop anyone.
    const people: Person[] = [0, 1, 2, 3, 4, 5, 6].map((n) => ({ email: `p${n}@example.com`, name: `P${n}`, lastLoginAgo: n < 3 ? 10 : 10 + n }));
    const { tenantId } = await tenantWith(people);
    const seen: string[] = [];
    let after = undefined;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listEndUsers>> = await listEndUsers(tenantId, { take: 2, after });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((person) => person.email));
      after = page.next ?? undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(3)).toEqual(["p3@example.com", "p4@example.com", "p5@example.com", "p6@example.com"]);
    expect(seen.slice(0, 3).sort()).toEqual(["p0@example.com", "p1@example.com", "p2@example.com"]);

    const first = await listEndUsers(tenantId, { take: 7 });
    expect(first.next).toBeNull();
    const times = first.items.map((person) => person.lastLoginAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("tenant isolation", () => {
  it("tenant A can neither read, suspend, lift nor sign out tenant B's person, even with the right id", async () => {
    const a = await tenantWith([{ email: "mine@example.com", name: "Mine" }]);
    const b = await tenantWith([{ email: "theirs@example.com", name: "Theirs", externalId: "theirs-1" }]);
    const theirs = b.ids[0]!;
    const cookie = await startSession(b.tenantId, theirs);

    expect(await findEndUser(a.tenantId, theirs)).toBeNull();
    expect((await listEndUsers(a.tenantId, { search: "theirs" })).items).toEqual([]);
    expect(await suspendEndUser(a.tenantId, theirs)).toEqual({ ok: false, reason: "not_found" });
    expect(await signOutEndUser(a.tenantId, theirs)).toEqual({ ok: false, reason: "not_found" });
    expect(await storedSuspended(theirs)).toBe(false);
    expect(await findSignedInEndUser(b.tenantId, cookie)).not.toBeNull();
    expect(await countLiveEndUserSessions(a.tenantId, { endUserId: theirs })).toBe(0);

    await sql.query(`UPDATE end_users SET suspended = true WHERE id = $1`, [theirs]);
    expect(await unsuspendEndUser(a.tenantId, theirs)).toEqual({ ok: false, reason: "not_found" });
    expect(await storedSuspended(theirs)).toBe(true);
  });

  it("an id that is not a UUID is not found rather than a database error", async () => {
    const { tenantId } = await tenantWith([{ email: "x@example.com", name: "X" }]);
    expect(await findEndUser(tenantId, "not-a-uuid")).toBeNull();
    expect(await suspendEndUser(tenantId, "1 OR 1=1")).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("suspending", () => {
  it("ends the person's live sessions (and only theirs), and their session stops working", async () => {
    const { tenantId, ids } = await tenantWith([
      { email: "suspend-me@example.com", name: "Suspend me" },
      { email: "bystander@example.com", name: "Bystander" },
    ]);
    const [target, bystander] = ids as [string, string];
    const phone = await startSession(tenantId, target);
    const laptop = await startSession(tenantId, target);
    await startSession(tenantId, target, { revoked: true });
    const other = await startSession(tenantId, bystander);
    expect(await countLiveEndUserSessions(tenantId, { endUserId: target })).toBe(2);
    expect(await findSignedInEndUser(tenantId, phone)).toMatchObject({ email: "suspend-me@example.com" });

    expect(await suspendEndUser(tenantId, target)).toEqual({ ok: true, email: "suspend-me@example.com", changed: true, sessionsEnded: 2 });
    expect(await storedSuspended(target)).toBe(true);
    expect(await countLiveEndUserSessions(tenantId, { endUserId: target })).toBe(0);
    expect(await findSignedInEndUser(tenantId, phone)).toBeNull();
    expect(await findSignedInEndUser(tenantId, laptop)).toBeNull();
    expect(await findSignedInEndUser(tenantId, other)).toMatchObject({ email: "bystander@example.com" });
    expect((await findEndUser(tenantId, target))?.suspended).toBe(true);

    // Again: nothing changes, nothing is left to end.
    expect(await suspendEndUser(tenantId, target)).toEqual({ ok: true, email: "suspend-me@example.com", changed: false, sessionsEnded: 0 });
  });

  it("a session that outlived the suspension (started before it took effect) still does not work", async () => {
    const { tenantId, ids } = await tenantWith([{ email: "late@example.com", name: "Late", suspended: true }]);
    const cookie = await startSession(tenantId, ids[0]!);
    expect(await findSignedInEndUser(tenantId, cookie)).toBeNull();
  });

  it("lifting lets the person back in with a new session; ended sessions stay ended", async () => {
    const { tenantId, ids } = await tenantWith([{ email: "lift@example.com", name: "Lift" }]);
    const id = ids[0]!;
    const before = await startSession(tenantId, id);
    await suspendEndUser(tenantId, id);
    expect(await unsuspendEndUser(tenantId, id)).toEqual({ ok: true, email: "lift@example.com", changed: true, sessionsEnded: 0 });
    expect(await storedSuspended(id)).toBe(false);
    expect(await findSignedInEndUser(tenantId, before)).toBeNull();
    const after = await startSession(tenantId, id);
    expect(await findSignedInEndUser(tenantId, after)).toMatchObject({ email: "lift@example.com" });
    expect(await unsuspendEndUser(tenantId, id)).toEqual({ ok: true, email: "lift@example.com", changed: false, sessionsEnded: 0 });
  });

  it("signing out everywhere ends the live sessions without suspending", async () => {
    const { tenantId, ids } = await tenantWith([{ email: "out@example.com", name: "Out" }]);
    const id = ids[0]!;
    const cookie = await startSession(tenantId, id);
    expect(await signOutEndUser(tenantId, id)).toEqual({ ok: true, email: "out@example.com", changed: true, sessionsEnded: 1 });
    expect(await findSignedInEndUser(tenantId, cookie)).toBeNull();
    expect(await storedSuspended(id)).toBe(false);
    expect(await signOutEndUser(tenantId, id)).toEqual({ ok: true, email: "out@example.com", changed: false, sessionsEnded: 0 });
  });
});

describe("Sign everyone out (revokeEndUserSessions for a whole tenant)", () => {
  it("ends every live session of the tenant and none of another tenant's, and counts only live ones", async () => {
    const a = await tenantWith([{ email: "a1@example.com", name: "A1" }, { email: "a2@example.com", name: "A2" }]);
    const b = await tenantWith([{ email: "b1@example.com", name: "B1" }]);
    const aCookies = [await startSession(a.tenantId, a.ids[0]!), await startSession(a.tenantId, a.ids[1]!)];
    await startSession(a.tenantId, a.ids[1]!, { revoked: true });
    const bCookie = await startSession(b.tenantId, b.ids[0]!);

    expect(await countLiveEndUserSessions(a.tenantId)).toBe(2);
    expect(await revokeEndUserSessions(a.tenantId)).toBe(2);
    expect(await countLiveEndUserSessions(a.tenantId)).toBe(0);
    for (const cookie of aCookies) expect(await findSignedInEndUser(a.tenantId, cookie)).toBeNull();

    expect(await countLiveEndUserSessions(b.tenantId)).toBe(1);
    expect(await findSignedInEndUser(b.tenantId, bCookie)).toMatchObject({ email: "b1@example.com" });
    expect(await revokeEndUserSessions(a.tenantId)).toBe(0);
  });
});
