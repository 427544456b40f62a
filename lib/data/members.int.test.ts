import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharesOneSession } from "@/lib/database-url";
import { inAnotherTransaction, untilBlockedBy } from "@/test/support/lock-waits";
import { AuditWriteError, type AuditEntry } from "./audit";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { acceptInvite, acceptInviteWithNewAccount, changeMembership, createInvite, listPendingInvites, revokeInvite, type Actor, type InviteCreation } from "./members";

/** The member acting; the module reads their role from the table, as stored at that moment. */
const by = (user: { id: string }): Actor => ({ userId: user.id });

function inviteToken(creation: InviteCreation): string {
  if (!creation.ok) throw new Error(`expected an invite, got ${creation.reason}`);
  return creation.token;
}

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

/** The member's role as stored, read straight from the table the module writes. */
async function findMemberRole(tenantId: string, userId: string): Promise<string | null> {
  const { rows } = await sql.query<{ role: string }>(`SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
  return rows[0]?.role ?? null;
}

async function tenantWith(roles: string[]): Promise<{ tenantId: string; users: { id: string; email: string }[] }> {
  const tenantId = randomUUID();
  await insertTenant(sql, "members", tenantId);
  const users = [];
  for (const role of roles) {
    const user = { id: randomUUID(), email: `${role}-${randomBytes(3).toString("hex")}@example.com` };
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'U', 'x', now())`, [user.id, user.email]);
    await sql.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [tenantId, user.id, role]);
    users.push(user);
  }
  return { tenantId, users };
}

describe("members", () => {
  it("never removes or demotes the last owner", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin"]);
    expect(await changeMembership(tenantId, users[0]!.id, "admin", by(users[0]!))).toEqual({ ok: false, reason: "last_owner" });
    expect(await changeMembership(tenantId, users[0]!.id, null, by(users[0]!))).toEqual({ ok: false, reason: "last_owner" });
    expect(await changeMembership(tenantId, users[1]!.id, "support", by(users[0]!))).toEqual({ ok: true, email: users[1]!.email, previousRole: "admin" });
  });

  // The Members page once let an admin remove themselves; the refresh then showed them a bare 404.
  it("refuses to let anyone remove themselves, and keeps them a member; someone else may remove them", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner", "admin"]);
    const [firstOwner, secondOwner, anAdmin] = [users[0]!, users[1]!, users[2]!];
    expect(await changeMembership(tenantId, anAdmin.id, null, by(anAdmin))).toEqual({ ok: false, reason: "self_removal" });
    expect(await changeMembership(tenantId, secondOwner.id, null, by(secondOwner))).toEqual({ ok: false, reason: "self_removal" });
    expect(await Promise.all([secondOwner, anAdmin].map((user) => findMemberRole(tenantId, user.id)))).toEqual(["owner", "admin"]);
    // Changing one's own role is not removal: an owner may still step down while another owner remains.
    expect(await changeMembership(tenantId, secondOwner.id, "admin", by(secondOwner))).toEqual({ ok: true, email: secondOwner.email, previousRole: "owner" });
    expect(await changeMembership(tenantId, anAdmin.id, null, by(firstOwner))).toEqual({ ok: true, email: anAdmin.email, previousRole: "admin" });
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner"]);
    const results = await Promise.all([changeMembership(tenantId, users[0]!.id, "admin", by(users[1]!)), changeMembership(tenantId, users[1]!.id, "admin", by(users[0]!))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const roles = await Promise.all(users.map((user) => findMemberRole(tenantId, user.id)));
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
  });

  // Row locks need sessions of their own: the embedded database serves every connection from one.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("two owners demoting each other queue on the tenant's row, and the second, an admin by then, is refused", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner"]);
    await inAnotherTransaction(async (holder) => {
      await holder.query("SELECT 1 FROM tenants WHERE id = $1 FOR NO KEY UPDATE", [tenantId]);
      const demotions = Promise.all([changeMembership(tenantId, users[0]!.id, "admin", by(users[1]!)), changeMembership(tenantId, users[1]!.id, "admin", by(users[0]!))]);
      await untilBlockedBy(holder, 2);
      await holder.query("COMMIT");
      expect((await demotions).map((result) => (result.ok ? "ok" : result.reason)).sort()).toEqual(["ok", "owner_only"]);
    });
  });

  it("acts with the actor's role at the moment of the change: of three owners, two demoting each other leave two owners", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner", "owner"]);
    const results = await Promise.all([changeMembership(tenantId, users[0]!.id, "admin", by(users[1]!)), changeMembership(tenantId, users[1]!.id, "admin", by(users[0]!))]);
    expect(results.map((result) => (result.ok ? "ok" : result.reason)).sort()).toEqual(["ok", "owner_only"]);
    const roles = await Promise.all(users.map((user) => findMemberRole(tenantId, user.id)));
    expect(roles.filter((role) => role === "owner")).toHaveLength(2);
  });

  it("refuses every member change by someone who no longer manages members, and changes nothing", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin", "admin", "support"]);
    const [theOwner, removed, demoted, agent] = [users[0]!, users[1]!, users[2]!, users[3]!];
    const email = `pending-${randomBytes(3).toString("hex")}@example.com`;
    inviteToken(await createInvite(tenantId, email, "support", by(theOwner)));
    const [pending] = await listPendingInvites(tenantId);
    // Their requests were let in while they were admins; the changes below land after these.
    expect(await changeMembership(tenantId, removed.id, null, by(theOwner))).toMatchObject({ ok: true });
    expect(await changeMembership(tenantId, demoted.id, "support", by(theOwner))).toMatchObject({ ok: true });
    for (const actor of [removed, demoted]) {
      expect(await createInvite(tenantId, `back-door-${randomBytes(3).toString("hex")}@example.com`, "admin", by(actor))).toEqual({ ok: false, reason: "not_allowed" });
      expect(await revokeInvite(tenantId, pending!.id, by(actor))).toEqual({ status: "not_allowed" });
      expect(await changeMembership(tenantId, agent.id, "admin", by(actor))).toEqual({ ok: false, reason: "not_allowed" });
      expect(await changeMembership(tenantId, theOwner.id, null, by(actor))).toEqual({ ok: false, reason: "not_allowed" });
    }
    expect(await listPendingInvites(tenantId)).toEqual([expect.objectContaining({ email, role: "support" })]);
    expect(await Promise.all([theOwner, agent].map((user) => findMemberRole(tenantId, user.id)))).toEqual(["owner", "support"]);
  });

  // A sign-in's writes take KEY SHARE on the tenant's row (their foreign keys); a role change must
  // not hold them up, nor wait for them.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("a role change does not wait for a sign-in in flight", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin"]);
    await inAnotherTransaction(async (signIn) => {
      await signIn.query(`INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`, [tenantId, randomUUID()]);
      const change = changeMembership(tenantId, users[1]!.id, "support", by(users[0]!));
      const waited = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 3000).unref());
      expect(await Promise.race([change.then((result) => result.ok), waited])).toBe(true);
    });
  });

  it("lets an invite be used once, by the invited email, before it expires", async () => {
    const { tenantId, users } = await tenantWith(["owner"]);
    const invitee = { id: randomUUID(), email: `inv-${randomBytes(3).toString("hex")}@example.com` };
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'I', 'x', now())`, [invitee.id, invitee.email]);

    const token = inviteToken(await createInvite(tenantId, invitee.email.toUpperCase(), "support", by(users[0]!)));
    expect(await acceptInvite(token, { id: users[0]!.id, email: "someone-else@example.com" })).toEqual({ ok: false, reason: "email" });
    const [first, second] = await Promise.all([acceptInvite(token, invitee), acceptInvite(token, invitee)]);
    expect([first, second].filter((result) => result.ok)).toHaveLength(1);
    expect(await findMemberRole(tenantId, invitee.id)).toBe("support");

    const expired = inviteToken(await createInvite(tenantId, `late-${invitee.email}`, "admin", by(users[0]!), new Date(Date.now() - 8 * 24 * 3600_000)));
    expect(await acceptInvite(expired, { ...invitee, email: `late-${invitee.email}` })).toEqual({ ok: false, reason: "invalid" });
    const { rows } = await sql.query(`SELECT token_hash FROM member_invites WHERE tenant_id = $1`, [tenantId]);
    expect(rows.every((row) => row.token_hash !== token)).toBe(true); // only hashes are stored
  });

  it("does not invite a member, whatever the email's case", async () => {
    const { tenantId, users } = await tenantWith(["owner", "support"]);
    expect(await createInvite(tenantId, users[1]!.email.toUpperCase(), "admin", by(users[0]!))).toEqual({ ok: false, reason: "already_member", role: "support" });
    expect(await listPendingInvites(tenantId)).toEqual([]);
  });

  it("replaces an unused invite for the same email: only the newest link works", async () => {
    const { tenantId, users } = await tenantWith(["owner"]);
    const invitee = { id: randomUUID(), email: `again-${randomBytes(3).toString("hex")}@example.com` };
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'I', 'x', now())`, [invitee.id, invitee.email]);
    const first = inviteToken(await createInvite(tenantId, invitee.email, "support", by(users[0]!)));
    const second = inviteToken(await createInvite(tenantId, invitee.email, "editor", by(users[0]!)));
    expect(await listPendingInvites(tenantId)).toEqual([expect.objectContaining({ email: invitee.email, role: "editor" })]);
    expect(await acceptInvite(first, invitee)).toEqual({ ok: false, reason: "invalid" });
    expect(await acceptInvite(second, invitee)).toMatchObject({ ok: true });
    expect(await findMemberRole(tenantId, invitee.id)).toBe("editor");
  });

  it("only an owner gives or takes away the owner role, decided with the change itself", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner", "admin", "support"]);
    const [secondOwner, anAdmin, agent] = [users[1]!, users[2]!, users[3]!];
    expect(await changeMembership(tenantId, secondOwner.id, "support", by(anAdmin))).toEqual({ ok: false, reason: "owner_only" });
    expect(await changeMembership(tenantId, secondOwner.id, null, by(anAdmin))).toEqual({ ok: false, reason: "owner_only" });
    expect(await changeMembership(tenantId, agent.id, "owner", by(anAdmin))).toEqual({ ok: false, reason: "owner_only" });
    expect(await findMemberRole(tenantId, secondOwner.id)).toBe("owner");
    expect(await changeMembership(tenantId, agent.id, "editor", by(anAdmin))).toEqual({ ok: true, email: agent.email, previousRole: "support" });
    expect(await changeMembership(tenantId, secondOwner.id, "admin", by(users[0]!))).toEqual({ ok: true, email: secondOwner.email, previousRole: "owner" });
  });

  it("an admin neither invites an owner nor replaces or revokes an owner's invite; revoking a gone invite says so", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin"]);
    const [theOwner, anAdmin] = [users[0]!, users[1]!];
    const email = `future-owner-${randomBytes(3).toString("hex")}@example.com`;
    expect(await createInvite(tenantId, email, "owner", by(anAdmin))).toEqual({ ok: false, reason: "owner_only" });
    inviteToken(await createInvite(tenantId, email, "owner", by(theOwner)));
    expect(await createInvite(tenantId, email, "support", by(anAdmin))).toEqual({ ok: false, reason: "owner_only" });
    const [pending] = await listPendingInvites(tenantId);
    expect(pending).toMatchObject({ email, role: "owner" });
    expect(await revokeInvite(tenantId, pending!.id, by(anAdmin))).toEqual({ status: "owner_only" });
    expect(await listPendingInvites(tenantId)).toHaveLength(1);
    expect(await revokeInvite(tenantId, pending!.id, by(theOwner))).toEqual({ status: "revoked", email, role: "owner" });
    expect(await revokeInvite(tenantId, pending!.id, by(theOwner))).toEqual({ status: "not_found" });
    expect(await revokeInvite(tenantId, randomUUID(), by(anAdmin))).toEqual({ status: "not_found" });
  });

  it("an expired owner invite, which the page no longer lists, does not stop an admin inviting that email", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin"]);
    const [theOwner, anAdmin] = [users[0]!, users[1]!];
    const email = `lapsed-owner-${randomBytes(3).toString("hex")}@example.com`;
    inviteToken(await createInvite(tenantId, email, "owner", by(theOwner), new Date(Date.now() - 8 * 24 * 3600_000)));
    expect(await listPendingInvites(tenantId)).toEqual([]);
    inviteToken(await createInvite(tenantId, email, "editor", by(anAdmin)));
    expect(await listPendingInvites(tenantId)).toEqual([expect.objectContaining({ email, role: "editor" })]);
  });

  it("an admin revokes an invite below owner; another tenant's invite id is not found", async () => {
    const { tenantId, users } = await tenantWith(["owner", "admin"]);
    const other = await tenantWith(["owner"]);
    const email = `agent-${randomBytes(3).toString("hex")}@example.com`;
    inviteToken(await createInvite(tenantId, email, "support", by(users[1]!)));
    const [pending] = await listPendingInvites(tenantId);
    expect(await revokeInvite(other.tenantId, pending!.id, by(other.users[0]!))).toEqual({ status: "not_found" });
    expect(await revokeInvite(tenantId, pending!.id, by(users[1]!))).toEqual({ status: "revoked", email, role: "support" });
    expect(await listPendingInvites(tenantId)).toHaveLength(0);
  });

  describe("joining with a new account", () => {
    const joined = (acceptance: { ok: boolean }): AuditEntry | null => (acceptance.ok ? { action: "member.joined" } : null);
    const account = { name: "New Member", passwordHash: "$argon2id$not-a-real-hash" };

    async function accountOf(email: string): Promise<{ id: string; name: string } | null> {
      const { rows } = await sql.query<{ id: string; name: string }>(`SELECT id, name FROM users WHERE email = $1`, [email]);
      return rows[0] ?? null;
    }
    async function inviteUsed(tenantId: string, email: string): Promise<boolean> {
      const { rows } = await sql.query<{ used: boolean }>(`SELECT used_at IS NOT NULL AS used FROM member_invites WHERE tenant_id = $1 AND email = $2`, [tenantId, email]);
      return rows[0]!.used;
    }

    it("creates the account for the invite's email, uses the invite and records the join with the new account as its actor", async () => {
      const { tenantId, users } = await tenantWith(["owner"]);
      const email = `joiner-${randomBytes(3).toString("hex")}@example.com`;
      const token = inviteToken(await createInvite(tenantId, email.toUpperCase(), "editor", by(users[0]!)));

      const result = await acceptInviteWithNewAccount(token, account, new Date(), joined);
      const created = await accountOf(email);
      expect(result).toEqual({ ok: true, subdomain: expect.any(String), tenantId, userId: created!.id });
      expect(created!.name).toBe("New Member");
      expect(await findMemberRole(tenantId, created!.id)).toBe("editor");
      expect(await inviteUsed(tenantId, email)).toBe(true);
      const { rows } = await sql.query(`SELECT action, actor_user_id, actor_email FROM audit_entries WHERE tenant_id = $1 AND action = 'member.joined'`, [tenantId]);
      expect(rows).toEqual([{ action: "member.joined", actor_user_id: created!.id, actor_email: email }]);
      expect(await acceptInviteWithNewAccount(token, account, new Date(), joined)).toEqual({ ok: false, reason: "invalid" });
    });

    it("refuses an email that already has an account and leaves the invite for that account to accept", async () => {
      const { tenantId, users } = await tenantWith(["owner"]);
      const existing = { id: randomUUID(), email: `has-account-${randomBytes(3).toString("hex")}@example.com` };
      await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'Already', 'x', now())`, [existing.id, existing.email]);
      const token = inviteToken(await createInvite(tenantId, existing.email, "support", by(users[0]!)));

      expect(await acceptInviteWithNewAccount(token, account, new Date(), joined)).toEqual({ ok: false, reason: "account_exists" });
      expect(await accountOf(existing.email)).toEqual({ id: existing.id, name: "Already" });
      expect(await inviteUsed(tenantId, existing.email)).toBe(false);
      expect(await acceptInvite(token, existing)).toMatchObject({ ok: true });
    });

    it("leaves no account behind when the join fails after creating it", async () => {
      const { tenantId, users } = await tenantWith(["owner"]);
      const email = `unlucky-${randomBytes(3).toString("hex")}@example.com`;
      const token = inviteToken(await createInvite(tenantId, email, "support", by(users[0]!)));
      // An entry PostgreSQL refuses (jsonb cannot hold U+0000): the last write of the join fails.
      const unwritable = (): AuditEntry => ({ action: "member.joined", details: { note: "\u0000" } });

      await expect(acceptInviteWithNewAccount(token, account, new Date(), unwritable)).rejects.toBeInstanceOf(AuditWriteError);
      expect(await accountOf(email)).toBeNull();
      expect(await inviteUsed(tenantId, email)).toBe(false);
      expect(await acceptInviteWithNewAccount(token, account, new Date(), joined)).toMatchObject({ ok: true });
    });

    it("two submits of the same invite at once make one account and one member", async () => {
      const { tenantId, users } = await tenantWith(["owner"]);
      const email = `twice-${randomBytes(3).toString("hex")}@example.com`;
      const token = inviteToken(await createInvite(tenantId, email, "support", by(users[0]!)));

      const results = await Promise.all([acceptInviteWithNewAccount(token, account, new Date(), joined), acceptInviteWithNewAccount(token, account, new Date(), joined)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(account_exists|invalid)$/) });
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.email = $2`, [tenantId, email]);
      expect(rows[0].n).toBe(1);
    });
  });
});
