import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { acceptInvite, changeMembership, createInvite, findMemberRole, listPendingInvites, type InviteCreation } from "./members";

function inviteToken(creation: InviteCreation): string {
  if (!creation.ok) throw new Error(`expected an invite, got ${creation.reason}`);
  return creation.token;
}

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

async function tenantWith(roles: string[]): Promise<{ tenantId: string; users: { id: string; email: string }[] }> {
  const tenantId = randomUUID();
  await sql.query(`INSERT INTO tenants (id, name, subdomain, updated_at) VALUES ($1, 'T', $2, now())`, [tenantId, `members-${randomBytes(4).toString("hex")}`]);
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
    expect(await changeMembership(tenantId, users[0]!.id, "admin")).toEqual({ ok: false, reason: "last_owner" });
    expect(await changeMembership(tenantId, users[0]!.id, null)).toEqual({ ok: false, reason: "last_owner" });
    expect(await changeMembership(tenantId, users[1]!.id, "support")).toEqual({ ok: true });
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { tenantId, users } = await tenantWith(["owner", "owner"]);
    const results = await Promise.all([changeMembership(tenantId, users[0]!.id, "admin"), changeMembership(tenantId, users[1]!.id, "admin")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const roles = await Promise.all(users.map((user) => findMemberRole(tenantId, user.id)));
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
  });

  it("lets an invite be used once, by the invited email, before it expires", async () => {
    const { tenantId, users } = await tenantWith(["owner"]);
    const invitee = { id: randomUUID(), email: `inv-${randomBytes(3).toString("hex")}@example.com` };
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'I', 'x', now())`, [invitee.id, invitee.email]);

    const token = inviteToken(await createInvite(tenantId, invitee.email.toUpperCase(), "support", users[0]!.id));
    expect(await acceptInvite(token, { id: users[0]!.id, email: "someone-else@example.com" })).toEqual({ ok: false, reason: "email" });
    const [first, second] = await Promise.all([acceptInvite(token, invitee), acceptInvite(token, invitee)]);
    expect([first, second].filter((result) => result.ok)).toHaveLength(1);
    expect(await findMemberRole(tenantId, invitee.id)).toBe("support");

    const expired = inviteToken(await createInvite(tenantId, `late-${invitee.email}`, "admin", users[0]!.id, new Date(Date.now() - 8 * 24 * 3600_000)));
    expect(await acceptInvite(expired, { ...invitee, email: `late-${invitee.email}` })).toEqual({ ok: false, reason: "invalid" });
    const { rows } = await sql.query(`SELECT token_hash FROM member_invites WHERE tenant_id = $1`, [tenantId]);
    expect(rows.every((row) => row.token_hash !== token)).toBe(true); // only hashes are stored
  });

  it("does not invite a member, whatever the email's case", async () => {
    const { tenantId, users } = await tenantWith(["owner", "support"]);
    expect(await createInvite(tenantId, users[1]!.email.toUpperCase(), "admin", users[0]!.id)).toEqual({ ok: false, reason: "already_member", role: "support" });
    expect(await listPendingInvites(tenantId)).toEqual([]);
  });

  it("replaces an unused invite for the same email: only the newest link works", async () => {
    const { tenantId, users } = await tenantWith(["owner"]);
    const invitee = { id: randomUUID(), email: `again-${randomBytes(3).toString("hex")}@example.com` };
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'I', 'x', now())`, [invitee.id, invitee.email]);
    const first = inviteToken(await createInvite(tenantId, invitee.email, "support", users[0]!.id));
    const second = inviteToken(await createInvite(tenantId, invitee.email, "editor", users[0]!.id));
    expect(await listPendingInvites(tenantId)).toEqual([expect.objectContaining({ email: invitee.email, role: "editor" })]);
    expect(await acceptInvite(first, invitee)).toEqual({ ok: false, reason: "invalid" });
    expect(await acceptInvite(second, invitee)).toMatchObject({ ok: true });
    expect(await findMemberRole(tenantId, invitee.id)).toBe("editor");
  });
});
