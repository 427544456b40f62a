// Every audited change writes its audit entry in its own transaction, against PostgreSQL: when the
// entry cannot be written, the change is rolled back (and reported as AuditWriteError, never as the
// change's own refusal); when it can, both are there. The entry is made unwritable the way it could
// fail in production: its actor's account no longer exists (audit_entries.actor_user_id's foreign key).
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharesOneSession } from "@/lib/database-url";
import { inAnotherTransaction, untilBlockedBy } from "@/test/support/lock-waits";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { insertTenant } from "@/test/support/tenants";
import { AuditWriteError, type Actor, type Audited, type AuditEntry } from "./audit";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { createArticle, createCategory, deleteArticle, deleteCategory, updateArticle, updateCategory } from "./content-editing";
import { revokeEndUserSessions } from "./end-user-sessions";
import { signOutEndUser, suspendEndUser, unsuspendEndUser } from "./end-users";
import { acceptInvite, changeMembership, createInvite, revokeInvite, type InviteCreation } from "./members";
import { saveAllowedDomains, saveJwtSettings, setSsoEnabled, storeSharedSecret, type JwtSettingsUpdate } from "./sso-config";
import { createSupportRequest, replyAsStaff, setRequestStatus } from "./support-requests";
import { activatePendingCustomDomain, findCustomDomainState, requestCustomDomain, setCustomDomainRedirect, setTenantVisibility, updateGeneralSettings } from "./tenants";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

const SECRET = "audited-changes-secret-0123456789-0123456789";
const JWT_SETTINGS: JwtSettingsUpdate = {
  loginUrl: "https://app.example/login", logoutUrl: null, issuer: null, audience: null,
  tokenTtlSeconds: 300, clockSkewSeconds: 60, requireRedirectKey: false, sessionLifetimeSeconds: 43200,
};

async function insertUser(): Promise<Actor> {
  const actor = { userId: randomUUID(), email: `staff-${randomBytes(4).toString("hex")}@example.com` };
  await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'Staff', 'x', now())`, [actor.userId, actor.email]);
  return actor;
}

async function insertOwner(tenantId: string): Promise<Actor> {
  const owner = await insertUser();
  await sql.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [tenantId, owner.userId]);
  return owner;
}

async function insertEndUser(tenantId: string, options: { suspended?: boolean; liveSession?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO end_users (id, tenant_id, email, name, suspended, updated_at) VALUES ($1, $2, $3, 'Reader', $4, now())`, [
    id, tenantId, `${id}@example.com`, options.suspended ?? false,
  ]);
  if (options.liveSession) {
    await sql.query(`INSERT INTO end_user_sessions (id, tenant_id, end_user_id, token_hash, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, now() + interval '1 hour')`, [
      tenantId, id, randomBytes(16).toString("hex"),
    ]);
  }
  return id;
}

/** A new end user's request, for the staff-side changes to act on. */
async function newRequestId(tenantId: string): Promise<string> {
  const raised = await createSupportRequest(tenantId, await insertEndUser(tenantId), { subject: "Refund", message: "Where is it?" });
  if (!raised.ok) throw new Error(`request refused: ${raised.reason}`);
  return raised.id;
}

async function one(query: string, values: unknown[]): Promise<unknown> {
  const { rows } = await sql.query(query, values);
  return rows;
}

function token(creation: InviteCreation): string {
  if (!creation.ok) throw new Error(`expected an invite, got ${creation.reason}`);
  return creation.token;
}

interface Case<Context> {
  name: string;
  /** the state before the change, made without any audit */
  arrange(tenantId: string): Promise<Context>;
  change(tenantId: string, context: Context, audit: Audited<never>): Promise<unknown>;
  /** what the change alters, as rows: equal before and after a rolled-back change */
  observe(tenantId: string, context: Context): Promise<unknown>;
}

const audited = <Context,>(c: Case<Context>) => c as Case<unknown>;

const category = { title: "Billing", slug: "billing", description: "", position: 0 };
async function arrangeCategory(tenantId: string): Promise<string> {
  const created = await createCategory(tenantId, category);
  if (!created.ok) throw new Error(created.reason);
  return created.id;
}
async function arrangeArticle(tenantId: string): Promise<{ categoryId: string; articleId: string }> {
  const categoryId = await arrangeCategory(tenantId);
  const created = await createArticle(tenantId, { categoryId, title: "Refunds", slug: "refunds", body: "…", published: true, requiredGroups: [] });
  if (!created.ok) throw new Error(created.reason);
  return { categoryId, articleId: created.id };
}
const articleRows = (tenantId: string) => one(`SELECT title, slug FROM articles WHERE tenant_id = $1`, [tenantId]);
const categoryRows = (tenantId: string) => one(`SELECT title, slug FROM categories WHERE tenant_id = $1`, [tenantId]);
const ssoRow = (tenantId: string) => one(`SELECT enabled, login_url, secret_ciphertext, allowed_domains FROM sso_configs WHERE tenant_id = $1`, [tenantId]);
const tenantRow = (tenantId: string) =>
  one(`SELECT name, log_retention_days, visibility, custom_domain, pending_custom_domain, redirect_to_custom_domain FROM tenants WHERE id = $1`, [tenantId]);
const liveSessions = (tenantId: string) => one(`SELECT end_user_id FROM end_user_sessions WHERE tenant_id = $1 AND revoked_at IS NULL`, [tenantId]);
const endUserRows = (tenantId: string) => one(`SELECT id, suspended FROM end_users WHERE tenant_id = $1`, [tenantId]);
const domainFor = () => `help-${randomBytes(4).toString("hex")}.example.com`;

const cases: Case<unknown>[] = [
  audited({
    name: "storeSharedSecret",
    arrange: async () => null,
    change: (tenantId, _context, audit) => storeSharedSecret(tenantId, SECRET, { audit }),
    observe: ssoRow,
  }),
  audited({
    name: "saveJwtSettings, with a pasted secret",
    arrange: async () => null,
    change: (tenantId, _context, audit) => saveJwtSettings(tenantId, JWT_SETTINGS, { secret: SECRET, audit }),
    observe: ssoRow,
  }),
  audited({
    name: "saveAllowedDomains",
    arrange: async () => null,
    change: (tenantId, _context, audit) => saveAllowedDomains(tenantId, { allowedDomains: ["app.example.com"], restrictSignInOrigins: true }, audit),
    observe: ssoRow,
  }),
  audited({
    name: "setSsoEnabled",
    arrange: (tenantId) => storeSharedSecret(tenantId, SECRET),
    change: (tenantId, _context, audit) => setSsoEnabled(tenantId, true, audit),
    observe: ssoRow,
  }),
  audited({
    name: "setTenantVisibility",
    arrange: async (tenantId) => {
      await saveJwtSettings(tenantId, JWT_SETTINGS, { secret: SECRET });
      await setSsoEnabled(tenantId, true);
    },
    change: (tenantId, _context, audit) => setTenantVisibility(tenantId, "private", audit),
    observe: tenantRow,
  }),
  audited({
    name: "updateGeneralSettings",
    arrange: async () => null,
    change: (tenantId, _context, audit) => updateGeneralSettings(tenantId, { name: "Renamed", logRetentionDays: 90 }, audit),
    observe: tenantRow,
  }),
  audited({
    name: "requestCustomDomain",
    arrange: async () => domainFor(),
    change: (tenantId, domain: string, audit) => requestCustomDomain(tenantId, domain, () => "challenge", audit),
    observe: tenantRow,
  }),
  audited({
    name: "activatePendingCustomDomain",
    arrange: async (tenantId) => {
      const domain = domainFor();
      await requestCustomDomain(tenantId, domain, () => "challenge");
      return domain;
    },
    change: (tenantId, domain: string, audit) => activatePendingCustomDomain(tenantId, { domain, challenge: "challenge" }, audit),
    observe: tenantRow,
  }),
  audited({
    name: "setCustomDomainRedirect",
    arrange: async (tenantId) => {
      const domain = domainFor();
      await sql.query(`UPDATE tenants SET custom_domain = $2 WHERE id = $1`, [tenantId, domain]);
      return domain;
    },
    change: (tenantId, domain: string, audit) => setCustomDomainRedirect(tenantId, domain, true, audit),
    observe: tenantRow,
  }),
  audited({
    name: "revokeEndUserSessions",
    arrange: (tenantId) => insertEndUser(tenantId, { liveSession: true }),
    change: (tenantId, _endUserId, audit) => revokeEndUserSessions(tenantId, { audit }),
    observe: liveSessions,
  }),
  audited({
    name: "suspendEndUser",
    arrange: (tenantId) => insertEndUser(tenantId, { liveSession: true }),
    change: (tenantId, endUserId: string, audit) => suspendEndUser(tenantId, endUserId, new Date(), audit),
    observe: async (tenantId) => [await endUserRows(tenantId), await liveSessions(tenantId)],
  }),
  audited({
    name: "unsuspendEndUser",
    arrange: (tenantId) => insertEndUser(tenantId, { suspended: true }),
    change: (tenantId, endUserId: string, audit) => unsuspendEndUser(tenantId, endUserId, audit),
    observe: endUserRows,
  }),
  audited({
    name: "signOutEndUser",
    arrange: (tenantId) => insertEndUser(tenantId, { liveSession: true }),
    change: (tenantId, endUserId: string, audit) => signOutEndUser(tenantId, endUserId, new Date(), audit),
    observe: liveSessions,
  }),
  audited({
    name: "createInvite",
    arrange: (tenantId) => insertOwner(tenantId),
    change: (tenantId, owner: Actor, audit) => createInvite(tenantId, "new@example.com", "admin", { userId: owner.userId }, new Date(), audit),
    observe: (tenantId) => one(`SELECT email, role FROM member_invites WHERE tenant_id = $1`, [tenantId]),
  }),
  audited({
    name: "revokeInvite",
    arrange: async (tenantId) => {
      const owner = await insertOwner(tenantId);
      await createInvite(tenantId, "new@example.com", "admin", { userId: owner.userId });
      const { rows } = await sql.query<{ id: string }>(`SELECT id FROM member_invites WHERE tenant_id = $1`, [tenantId]);
      return { owner, inviteId: rows[0]!.id };
    },
    change: (tenantId, { owner, inviteId }: { owner: Actor; inviteId: string }, audit) => revokeInvite(tenantId, inviteId, { userId: owner.userId }, audit),
    observe: (tenantId) => one(`SELECT email FROM member_invites WHERE tenant_id = $1`, [tenantId]),
  }),
  audited({
    name: "acceptInvite",
    arrange: async (tenantId) => {
      const owner = await insertOwner(tenantId);
      const joiner = await insertUser();
      const invite = await createInvite(tenantId, joiner.email, "support", { userId: owner.userId });
      return { joiner, token: token(invite) };
    },
    change: (_tenantId, { joiner, token }: { joiner: Actor; token: string }, audit) => acceptInvite(token, { id: joiner.userId, email: joiner.email }, new Date(), audit),
    observe: async (tenantId) => [
      await one(`SELECT user_id, role FROM memberships WHERE tenant_id = $1 ORDER BY role`, [tenantId]),
      await one(`SELECT used_at IS NOT NULL AS used FROM member_invites WHERE tenant_id = $1`, [tenantId]),
    ],
  }),
  audited({
    name: "changeMembership",
    arrange: async (tenantId) => {
      const owner = await insertOwner(tenantId);
      const admin = await insertUser();
      await sql.query(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'admin')`, [tenantId, admin.userId]);
      return { owner, admin };
    },
    change: (tenantId, { owner, admin }: { owner: Actor; admin: Actor }, audit) => changeMembership(tenantId, admin.userId, "support", { userId: owner.userId }, audit),
    observe: (tenantId) => one(`SELECT user_id, role FROM memberships WHERE tenant_id = $1 ORDER BY role`, [tenantId]),
  }),
  audited({
    name: "createCategory",
    arrange: async () => null,
    change: (tenantId, _context, audit) => createCategory(tenantId, category, audit),
    observe: categoryRows,
  }),
  audited({
    name: "updateCategory",
    arrange: arrangeCategory,
    change: (tenantId, id: string, audit) => updateCategory(tenantId, id, { ...category, title: "Payments" }, undefined, audit),
    observe: categoryRows,
  }),
  audited({
    name: "deleteCategory",
    arrange: arrangeCategory,
    change: (tenantId, id: string, audit) => deleteCategory(tenantId, id, audit),
    observe: categoryRows,
  }),
  audited({
    name: "createArticle",
    arrange: arrangeCategory,
    change: (tenantId, categoryId: string, audit) =>
      createArticle(tenantId, { categoryId, title: "Refunds", slug: "refunds", body: "…", published: true, requiredGroups: [] }, audit),
    observe: articleRows,
  }),
  audited({
    name: "updateArticle",
    arrange: arrangeArticle,
    change: (tenantId, { categoryId, articleId }: { categoryId: string; articleId: string }, audit) =>
      updateArticle(tenantId, articleId, { categoryId, title: "Refunds, explained", slug: "refunds", body: "…", published: true, requiredGroups: [] }, undefined, audit),
    observe: articleRows,
  }),
  audited({
    name: "deleteArticle",
    arrange: arrangeArticle,
    change: (tenantId, { articleId }: { articleId: string }, audit) => deleteArticle(tenantId, articleId, audit),
    observe: articleRows,
  }),
  audited({
    name: "replyAsStaff",
    arrange: async (tenantId) => {
      const staff = await insertOwner(tenantId);
      return { staff, requestId: await newRequestId(tenantId) };
    },
    change: (tenantId, { staff, requestId }: { staff: Actor; requestId: string }, audit) =>
      replyAsStaff(tenantId, staff.userId, requestId, { body: "On its way." }, new Date(), audit),
    observe: async (tenantId) => [
      await one(`SELECT status FROM support_requests WHERE tenant_id = $1`, [tenantId]),
      await one(`SELECT body FROM support_request_replies WHERE tenant_id = $1 AND author = 'staff'`, [tenantId]),
    ],
  }),
  audited({
    name: "setRequestStatus",
    arrange: newRequestId,
    change: (tenantId, requestId: string, audit) => setRequestStatus(tenantId, requestId, "closed", new Date(), audit),
    observe: (tenantId) => one(`SELECT status FROM support_requests WHERE tenant_id = $1`, [tenantId]),
  }),
];

// A marker no real change writes (hence the cast), so every entry found is this test's own.
const TEST_ACTION = "test.audited_change" as AuditAction;
const auditAs = (actor: Actor): Audited<never> => ({ actor, describe: () => ({ action: TEST_ACTION, details: { by: "test" } }) });

async function entriesOf(tenantId: string) {
  const { rows } = await sql.query(`SELECT action, actor_user_id AS "actorUserId" FROM audit_entries WHERE tenant_id = $1`, [tenantId]);
  return rows;
}

describe("an audited change and its audit entry commit together", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const tenantId = await insertTenant(sql, "audited");
    const context = await c.arrange(tenantId);
    const before = await c.observe(tenantId, context);

    // The actor's account is gone: the entry cannot be written, so neither is the change.
    const gone: Actor = { userId: randomUUID(), email: "gone@example.com" };
    await expect(c.change(tenantId, context, auditAs(gone))).rejects.toBeInstanceOf(AuditWriteError);
    expect(await c.observe(tenantId, context)).toEqual(before);
    expect(await entriesOf(tenantId)).toEqual([]);

    const actor = await insertUser();
    await c.change(tenantId, context, auditAs(actor));
    expect(await c.observe(tenantId, context)).not.toEqual(before);
    expect(await entriesOf(tenantId)).toEqual([{ action: TEST_ACTION, actorUserId: actor.userId }]);
  });
});

describe("lock order", () => {
  // A custom-domain change locks the tenant's row, then (by trigger) its sso_configs row. An audited
  // change that locked sso_configs first and the tenant last (through its entry's foreign key)
  // would deadlock with it; changeWithAudit locks the tenant before anything else. Row locks need
  // sessions of their own: the embedded database serves every connection from one.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("a secret regenerated during a custom-domain change waits for it instead of deadlocking", async () => {
    const tenantId = await insertTenant(sql, "audited");
    await storeSharedSecret(tenantId, SECRET);
    const actor = await insertUser();
    await inAnotherTransaction(async (domainChange) => {
      await domainChange.query("SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE", [tenantId]);
      const regenerated = storeSharedSecret(tenantId, `${SECRET}-new`, { audit: { actor, describe: () => ({ action: "sso.secret.regenerated" }) } });
      await untilBlockedBy(domainChange, 1);
      // What the trigger on tenants does when the custom domain changes.
      await domainChange.query("UPDATE sso_configs SET config_version = config_version + 1 WHERE tenant_id = $1", [tenantId]);
      await domainChange.query("COMMIT");
      expect(await regenerated).toEqual({ replaced: true });
      expect(await entriesOf(tenantId)).toEqual([{ action: "sso.secret.regenerated", actorUserId: actor.userId }]);
    });
  });

  // Removing the served domain changes a key of the tenant's row: two removals that each held a
  // share lock on it would deadlock, each waiting for the other's to go.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("two admins removing the custom domain at once: one removes it, the other finds nothing to remove", async () => {
    const tenantId = await insertTenant(sql, "audited");
    await sql.query(`UPDATE tenants SET custom_domain = $2 WHERE id = $1`, [tenantId, domainFor()]);
    const [first, second] = [await insertUser(), await insertUser()];
    const describe = (result: { status: string }): AuditEntry | null => (result.status === "removed" ? { action: "tenant.custom_domain.changed" } : null);
    await inAnotherTransaction(async (holder) => {
      await holder.query("SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE", [tenantId]);
      const removals = Promise.all([
        requestCustomDomain(tenantId, null, () => "unused", { actor: first, describe }),
        requestCustomDomain(tenantId, null, () => "unused", { actor: second, describe }),
      ]);
      await untilBlockedBy(holder, 2);
      await holder.query("COMMIT");
      expect((await removals).map((result) => result.status).sort()).toEqual(["removed", "unchanged"]);
      expect((await findCustomDomainState(tenantId)).active).toBeNull();
      expect(await entriesOf(tenantId)).toHaveLength(1);
    });
  });

  // A sign-in's writes take KEY SHARE on the tenant's row (their foreign keys). Only removing the
  // served domain changes a key and needs FOR UPDATE, which would make them wait; any other
  // custom-domain save must let them go on.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("a custom-domain save other than a removal does not wait for a sign-in in flight", async () => {
    const tenantId = await insertTenant(sql, "audited");
    await inAnotherTransaction(async (signIn) => {
      await signIn.query(`INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`, [tenantId, randomUUID()]);
      const save = requestCustomDomain(tenantId, domainFor(), () => "challenge");
      const waited = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 3000).unref());
      expect(await Promise.race([save.then((result) => result.status), waited])).toBe("pending");
    });
  });
});
