// Members: invite by link, join with a new account or an existing one, revoke an invite (asked first), roles,
// and the last owner rule (in the page and against a forged action).
import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant } from "./support/tenants";

function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);
}

async function userIdOf(email: string): Promise<string> {
  const rows = await sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`No account for ${email}.`);
  return rows[0].id;
}

/** Every help center the account belongs to, with its role there, by tenant id. */
async function membershipsOf(email: string): Promise<Record<string, string>> {
  const rows = await sql<{ tenant_id: string; role: string }>(
    `SELECT m.tenant_id, m.role::text AS role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
    [email],
  );
  return Object.fromEntries(rows.map((row) => [row.tenant_id, row.role]));
}

async function auditEntries(tenantId: string, action: string): Promise<{ actor_email: string | null; details: Record<string, unknown> }[]> {
  return sql(`SELECT actor_email, details FROM audit_entries WHERE tenant_id = $1 AND action = $2 ORDER BY occurred_at`, [tenantId, action]);
}

/** Creates an invite on the Members page (already open) and returns its link. */
async function inviteByLink(page: Page, email: string, role: "owner" | "admin" | "support" | "editor"): Promise<string> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText(`Invite link for ${email} (valid 7 days`)).toBeVisible();
  const link = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
  return link;
}

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

test("an owner invites a support agent by link; the agent joins with a new account and reads the overview but not SSO settings", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "members" });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);

  const agentEmail = `agent-${tenant.subdomain}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(agentEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("support");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByRole("region", { name: "Pending invites" }).getByText(agentEmail)).toBeVisible();

  const agentContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await agent.goto(link);
    await expect(agent.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
    await agent.getByLabel("Your name", { exact: true }).fill("Agent Smith");
    await agent.getByLabel("Password", { exact: true }).fill("short");
    await agent.getByRole("button", { name: "Create account and join" }).click();
    await expect(agent.getByText("Use at least 10 characters.")).toBeVisible();
    // The refusal is announced and focus goes to the field to fix, not left on the button.
    await expect(agent.getByRole("alert").filter({ hasText: "Some fields need attention." })).toBeVisible();
    await expect(agent.getByLabel("Password", { exact: true })).toBeFocused();
    await expect(agent.getByLabel("Your name", { exact: true })).toHaveValue("Agent Smith"); // kept
    // A name the database could not store as typed is refused beside the field, not with a server error.
    await agent.getByLabel("Your name", { exact: true }).fill("Agent\tSmith");
    await agent.getByLabel("Password", { exact: true }).fill("the agent's password");
    await agent.getByRole("button", { name: "Create account and join" }).click();
    await expect(agent.getByText("Remove control characters (such as tabs or line breaks) from the name.")).toBeVisible();
    await expect(agent.getByLabel("Your name", { exact: true })).toBeFocused();
    // A refused name once wiped the password as well: it is kept, and joining needs no retyping.
    await expect(agent.getByLabel("Password", { exact: true })).toHaveValue("the agent's password");
    await agent.getByLabel("Your name", { exact: true }).fill("Agent Smith");
    await agent.getByRole("button", { name: "Create account and join" }).click();
    await agent.waitForURL(`**/dashboard/${tenant.subdomain}`);
    await expect(agent.getByText("Role: support")).toBeVisible();
    expect((await agent.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`))?.status()).toBe(403);

    // The link worked once, and the page it leaves on is not a dead end.
    await agent.goto(link);
    await expect(agent.getByRole("heading", { name: "This invite cannot be used" })).toBeVisible();
    await agent.getByRole("link", { name: "Sign in" }).click();
    await expect(agent).toHaveURL(/\/sign-in$/);
    await agent.goBack();
    await agent.getByRole("link", { name: "Go to the Gatehouse home page" }).click();
    await expect(agent).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  } finally {
    await agentContext.close();
  }
});

test("the last owner cannot be demoted or removed, and says why", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "lastowner" });
  const owner = await createMember(tenant.id, "owner");
  const admin = await createMember(tenant.id, "admin");
  const editor = await createMember(tenant.id, "editor");
  const [ownerId, editorId] = await Promise.all([userIdOf(owner.email), userIdOf(editor.email)]);
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const people = page.getByRole("region", { name: "Current members" });
  const ownerRow = people.getByRole("listitem").filter({ hasText: owner.email });
  const editorRow = people.getByRole("listitem").filter({ hasText: editor.email });

  // Every control that could demote or remove the owner is off, on the owner's own row only.
  await expect(ownerRow.getByText("The only owner: cannot be removed or demoted.")).toBeVisible();
  await expect(ownerRow.getByLabel(`Role of ${owner.email}`)).toBeDisabled();
  await expect(ownerRow.getByLabel(`Role of ${owner.email}`)).toHaveValue("owner");
  await expect(ownerRow.getByRole("button", { name: "Change role" })).toBeDisabled();
  await expect(ownerRow.getByRole("button", { name: `Remove ${owner.email}` })).toBeDisabled();
  await expect(editorRow.getByLabel(`Role of ${editor.email}`)).toBeEnabled();
  await expect(editorRow.getByRole("button", { name: "Change role" })).toBeEnabled();

  // The real actions, recorded on the editor: a role change, then (confirmed) a removal.
  const roleChange = recordServerActions(page);
  await editorRow.getByLabel(`Role of ${editor.email}`).selectOption("support");
  await editorRow.getByRole("button", { name: "Change role" }).click();
  await expect(editorRow.getByRole("status")).toHaveText("Role changed.");
  const removal = recordServerActions(page);
  await people.getByRole("button", { name: `Remove ${editor.email}` }).click();
  await page.getByRole("dialog", { name: `Remove ${editor.email}?` }).getByRole("button", { name: "Remove member" }).click();
  await expect(people.getByRole("listitem").filter({ hasText: editor.email })).toHaveCount(0);
  await expect(people.getByRole("status").filter({ hasText: "Member removed:" })).toHaveText(`Member removed: ${editor.email} no longer has access to this help center's dashboard.`);

  // The same requests, forged to name the owner. Sent by the owner, the last-owner rule refuses them.
  const atOwner = (body: string) => {
    expect(body).toContain(editorId);
    return body.replaceAll(editorId, ownerId);
  };
  const lastOwner = "A help center needs at least one owner: make someone else an owner first.";
  for (const recorded of [roleChange(), removal()]) {
    const forged = await replayServerAction(page.request, recorded, atOwner);
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toContain(lastOwner);
  }

  // Sent by an admin, whose owner row is locked as well, they are refused as owner-only.
  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signInToDashboard(adminPage, admin.email);
    await adminPage.goto(`/dashboard/${tenant.subdomain}/settings/members`);
    const ownerRowForAdmin = adminPage.getByRole("region", { name: "Current members" }).getByRole("listitem").filter({ hasText: owner.email });
    await expect(ownerRowForAdmin.getByLabel(`Role of ${owner.email}`)).toBeDisabled();
    await expect(ownerRowForAdmin.getByRole("button", { name: "Change role" })).toBeDisabled();
    await expect(ownerRowForAdmin.getByRole("button", { name: `Remove ${owner.email}` })).toBeDisabled();
    for (const recorded of [roleChange(), removal()]) {
      const forged = await replayServerAction(adminContext.request, recorded, atOwner);
      expect(forged.status()).toBe(200);
      expect(await forged.text()).toContain("Only an owner can give or take away the owner role.");
    }
  } finally {
    await adminContext.close();
  }

  // Nothing changed: the owner is still the owner, and the trail names only the editor.
  expect(await membershipsOf(owner.email)).toEqual({ [tenant.id]: "owner" });
  expect((await auditEntries(tenant.id, "member.role_changed")).map((entry) => entry.details.email)).toEqual([editor.email]);
  expect((await auditEntries(tenant.id, "member.removed")).map((entry) => entry.details.email)).toEqual([editor.email]);
  await page.reload();
  await expect(ownerRow.getByLabel(`Role of ${owner.email}`)).toHaveValue("owner");
  await expect(ownerRow.getByText("The only owner: cannot be removed or demoted.")).toBeVisible();
});

test("removing a member asks first, naming them; the outcome is announced above the list and takes focus; the removed member can sign out", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "remove" });
  const owner = await createMember(tenant.id, "owner");
  const editor = await createMember(tenant.id, "editor");
  const editorContext = await browser.newContext();
  try {
    const editorPage = await editorContext.newPage();
    await signInToDashboard(editorPage, editor.email);

    await signInToDashboard(page, owner.email);
    await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
    const people = page.getByRole("region", { name: "Current members" });
    const remove = people.getByRole("button", { name: `Remove ${editor.email}` });
    const dialog = page.getByRole("dialog", { name: `Remove ${editor.email}?` });

    // Remove once took effect at the first press. Now it asks, and Cancel changes nothing.
    await remove.click();
    await expect(dialog).toContainText(`${editor.email} loses access to this help center's dashboard at once.`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await page.reload();
    await expect(people.getByRole("listitem").filter({ hasText: editor.email })).toHaveCount(1);

    await remove.click();
    await dialog.getByRole("button", { name: "Remove member" }).click();
    // The row goes, and the message with it used to: it now sits above the list, and holds focus.
    await expect(people.getByRole("listitem").filter({ hasText: editor.email })).toHaveCount(0);
    const status = people.getByRole("status");
    await expect(status).toHaveText(`Member removed: ${editor.email} no longer has access to this help center's dashboard.`);
    await expect(page.locator(":focus")).toContainText(`Member removed: ${editor.email}`);

    // The removed editor is in no help center now: /dashboard says so, and lets them sign out.
    expect((await editorPage.goto(`/dashboard/${tenant.subdomain}`))?.status()).toBe(404);
    await editorPage.goto("/dashboard");
    await expect(editorPage.getByText("You are not a member of any help center yet.")).toBeVisible();
    await expect(editorPage.getByText(`Signed in as ${editor.email}.`)).toBeVisible();
    await editorPage.getByRole("button", { name: "Sign out" }).click();
    await editorPage.waitForURL(/\/sign-in/);
    await editorPage.goto("/dashboard");
    await expect(editorPage).toHaveURL(/\/sign-in\?callbackUrl=/);
  } finally {
    await editorContext.close();
  }
});

test("nobody removes themselves: their own Remove is off, and says who can do it", async ({ page }) => {
  const tenant = await createTenant({ prefix: "selfremove" });
  await createMember(tenant.id, "owner");
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const ownRow = page.getByRole("region", { name: "Current members" }).getByRole("listitem").filter({ hasText: admin.email });
  await expect(ownRow.getByText("You cannot remove yourself: ask another owner or admin to remove you.")).toBeVisible();
  await expect(ownRow.getByRole("button", { name: `Remove ${admin.email}` })).toBeDisabled();

  // Stepping down to a role without this page lands on the Overview, which says what happened,
  // instead of on a 403 at the next refresh.
  await ownRow.getByLabel(`Role of ${admin.email}`).selectOption("support");
  await ownRow.getByRole("button", { name: "Change role" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${tenant.subdomain}\\?role_changed=support$`));
  await expect(page.getByRole("status").filter({ hasText: "Your role in this help center is now support." })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Members" })).toHaveCount(0);
});

test("someone signed in as another account can sign out on the invite page and lands back on it", async ({ page }) => {
  const tenant = await createTenant({ prefix: "invsignout" });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const invitee = `invitee-${tenant.subdomain}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(invitee);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByRole("textbox", { name: "Invite link" }).inputValue();

  await page.goto(link);
  await expect(page.getByText(`You are signed in as ${owner.email}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);
  await expect(page.getByText(`You are signed in as ${owner.email}.`)).toHaveCount(0);
});

test("inviting again replaces the earlier link, the link can be copied, and a member is not invited", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "reinvite" });
  const owner = await createMember(tenant.id, "owner");
  const editor = await createMember(tenant.id, "editor");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);

  const invite = async (email: string) => {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Create invite link" }).click();
  };
  const newcomer = `newcomer-${tenant.subdomain}@example.com`;
  await invite(newcomer);
  const first = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
  await invite(newcomer);
  await expect(page.getByRole("textbox", { name: "Invite link" })).not.toHaveValue(first);
  const second = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
  const pending = page.getByRole("region", { name: "Pending invites" });
  await expect(pending.getByRole("listitem")).toHaveCount(1);
  await expect(pending.getByRole("button", { name: `Revoke the invite for ${newcomer}` })).toBeVisible();

  await page.getByRole("button", { name: "Copy invite link" }).click();
  await expect(page.getByText("Invite link copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(second);

  // The first link no longer works.
  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This invite cannot be used" })).toBeVisible();

  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  await invite(editor.email.toUpperCase());
  await expect(page.getByText(`${editor.email.toUpperCase()} is already a member (editor). Change their role in the list instead.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Invite someone" }).getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(editor.email.toUpperCase());
  await expect(pending.getByRole("listitem")).toHaveCount(1);
});

test("an admin cannot revoke or replace an owner's pending invite, and is told so", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "ownerinv" });
  const owner = await createMember(tenant.id, "owner");
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const futureOwner = `co-owner-${tenant.subdomain}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(futureOwner);
  await page.getByLabel("Role", { exact: true }).selectOption("owner");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("textbox", { name: "Invite link" })).toBeVisible();

  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signInToDashboard(adminPage, admin.email);
    await adminPage.goto(`/dashboard/${tenant.subdomain}/settings/members`);
    const pending = adminPage.getByRole("region", { name: "Pending invites" });
    await expect(pending.getByText("An owner invite: only an owner can revoke it.")).toBeVisible();
    await expect(pending.getByRole("button", { name: `Revoke the invite for ${futureOwner}` })).toBeDisabled();

    await adminPage.getByLabel("Email", { exact: true }).fill(futureOwner);
    await adminPage.getByRole("button", { name: "Create invite link" }).click();
    await expect(adminPage.getByText(`${futureOwner} has a pending owner invite, which only an owner can replace.`)).toBeVisible();
    await expect(pending.getByText(`${futureOwner} · owner`)).toBeVisible();
  } finally {
    await adminContext.close();
  }
});

test("an admin revokes a pending invite after a confirmation naming whose link stops working: it leaves the list, is audited, and its link neither opens nor joins", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "revoke" });
  await createMember(tenant.id, "owner");
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const revoked = `revoked-${tenant.subdomain}@example.com`;
  const kept = `kept-${tenant.subdomain}@example.com`;
  const link = await inviteByLink(page, revoked, "editor");
  const keptLink = await inviteByLink(page, kept, "support");
  const inviteId = (await sql<{ id: string }>(`SELECT id FROM member_invites WHERE tenant_id = $1 AND email = $2`, [tenant.id, revoked]))[0]!.id;

  const inviteeContext = await browser.newContext();
  try {
    // The invitee has the link open already, with the join form in front of them.
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();

    const pending = page.getByRole("region", { name: "Pending invites" });
    await expect(pending.getByRole("listitem")).toHaveCount(2);
    // It asks first, naming whose link stops working; Cancel keeps the invite and returns focus.
    const revoke = pending.getByRole("button", { name: `Revoke the invite for ${revoked}` });
    await revoke.click();
    const dialog = page.getByRole("dialog", { name: `Revoke the invite for ${revoked}?` });
    await expect(dialog).toContainText(`The link sent to ${revoked} stops working at once`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(revoke).toBeFocused();
    await expect(pending.getByRole("listitem")).toHaveCount(2);
    expect(await sql(`SELECT id FROM member_invites WHERE id = $1`, [inviteId])).toHaveLength(1);

    await revoke.click();
    await dialog.getByRole("button", { name: "Revoke invite" }).click();
    await expect(pending.getByRole("listitem").filter({ hasText: revoked })).toHaveCount(0);
    // The row is gone with its button: the outcome is announced above the list, and focus is there.
    await expect(pending.getByRole("status")).toHaveText(`Invite revoked: the link sent to ${revoked} no longer works.`);
    await expect(pending.locator('[tabindex="-1"]')).toBeFocused();
    await expect(pending.getByRole("listitem")).toHaveCount(1);
    await expect(pending.getByRole("listitem").filter({ hasText: kept })).toHaveCount(1);
    await page.reload();
    await expect(pending.getByRole("listitem")).toHaveCount(1);
    await expect(pending.getByText(revoked)).toHaveCount(0);
    expect(await sql(`SELECT id FROM member_invites WHERE id = $1`, [inviteId])).toEqual([]);

    // Audited once, naming the invite and who revoked it.
    expect(await auditEntries(tenant.id, "member.invite_revoked")).toEqual([
      { actor_email: admin.email, details: { email: revoked, role: "editor", inviteId } },
    ]);

    // The form opened before the revocation cannot join with it: no account, no membership.
    await invitee.getByLabel("Your name", { exact: true }).fill("Too Late");
    await invitee.getByLabel("Password", { exact: true }).fill("a long enough password");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    await expect(invitee.getByRole("alert").filter({ hasText: "This invite link is invalid, expired or already used. Ask for a new one." })).toBeVisible();
    expect(new URL(invitee.url()).pathname).toBe(new URL(link).pathname);
    expect(await sql(`SELECT id FROM users WHERE email = $1`, [revoked])).toEqual([]);

    // Opened again, the link is the unusable-invite page, with nothing to accept.
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: "This invite cannot be used" })).toBeVisible();
    await expect(invitee.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
    await expect(invitee.getByRole("button", { name: "Accept invite" })).toHaveCount(0);

    // Only that invite went: the other link still opens.
    await invitee.goto(keptLink);
    await expect(invitee.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
  } finally {
    await inviteeContext.close();
  }
});

test("an existing account, signed in, accepts an invite made for its email and joins with the invited role; another account cannot use it", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "joinexisting" });
  const elsewhere = await createTenant({ prefix: "elsewhere" });
  const owner = await createMember(tenant.id, "owner");
  const existing = await createMember(elsewhere.id, "editor"); // a member of another help center
  const loner = await createMember(elsewhere.id, "support");
  await sql(`DELETE FROM memberships WHERE user_id = $1`, [await userIdOf(loner.email)]); // now a member of none
  const someoneElse = `someone-else-${tenant.subdomain}@example.com`;

  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  // Typed in another case than the account's: an email is matched whatever its case.
  const link = await inviteByLink(page, existing.email.toUpperCase(), "admin");
  const otherLink = await inviteByLink(page, someoneElse, "editor");

  const existingContext = await browser.newContext();
  const lonerContext = await browser.newContext();
  try {
    const member = await existingContext.newPage();
    await signInToDashboard(member, existing.email);

    // An invite for another email is not theirs to accept: the page says so and offers no Accept.
    await member.goto(otherLink);
    await expect(member.getByText(`You are signed in as ${existing.email}. To accept it as ${someoneElse}, sign out`)).toBeVisible();
    await expect(member.getByRole("button", { name: "Accept invite" })).toHaveCount(0);

    // Their own invite: one button, no new-account form.
    await member.goto(link);
    await expect(member.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
    await expect(member.getByText(`You were invited as admin, for ${existing.email}.`)).toBeVisible();
    await expect(member.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
    const accept = recordServerActions(member);
    await member.getByRole("button", { name: "Accept invite" }).click();
    await member.waitForURL(`**/dashboard/${tenant.subdomain}`);
    await expect(member.getByText("Role: admin")).toBeVisible();
    expect((await member.goto(`/dashboard/${tenant.subdomain}/settings/members`))?.status()).toBe(200);
    await expect(member.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    // A member of both now, each with its own role.
    expect(await membershipsOf(existing.email)).toEqual({ [tenant.id]: "admin", [elsewhere.id]: "editor" });
    expect(await auditEntries(tenant.id, "member.joined")).toEqual([{ actor_email: existing.email, details: {} }]);
    await member.goto("/dashboard");
    await expect(member.getByRole("link", { name: tenant.name })).toBeVisible();
    await expect(member.getByRole("link", { name: elsewhere.name })).toBeVisible();

    // The owner sees them among the members, and their invite no longer pending.
    await page.reload();
    await expect(page.getByLabel(`Role of ${existing.email}`)).toHaveValue("admin");
    await expect(page.getByRole("region", { name: "Pending invites" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Pending invites" }).getByText(existing.email)).toHaveCount(0);
    await member.goto(link);
    await expect(member.getByRole("heading", { name: "This invite cannot be used" })).toBeVisible();

    // Someone signed in as an account of no help center cannot take another email's invite by
    // forging the accept request: it is refused, and the invite stays unused for its addressee.
    const lonerPage = await lonerContext.newPage();
    await signInToDashboard(lonerPage, loner.email);
    await lonerPage.goto(otherLink);
    await expect(lonerPage.getByText(`You are signed in as ${loner.email}.`)).toBeVisible();
    await expect(lonerPage.getByRole("button", { name: "Accept invite" })).toHaveCount(0);
    const forged = await replayServerAction(lonerContext.request, accept(), (body) => {
      expect(body).toContain(tokenOf(link));
      return body.replaceAll(tokenOf(link), tokenOf(otherLink));
    });
    expect(await forged.text()).toContain("This invite was made for another email address.");
    expect(await membershipsOf(loner.email)).toEqual({});
    expect(await sql(`SELECT used_at FROM member_invites WHERE tenant_id = $1 AND email = $2`, [tenant.id, someoneElse])).toEqual([{ used_at: null }]);
    await lonerPage.goto(otherLink);
    await expect(lonerPage.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
  } finally {
    await existingContext.close();
    await lonerContext.close();
  }
});
