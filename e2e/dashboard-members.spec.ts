// Members: invite by link, join with a new account, roles, and the last owner rule.
import { expect, test } from "@playwright/test";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

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

test("the last owner cannot be demoted or removed, and says why", async ({ page }) => {
  const tenant = await createTenant({ prefix: "lastowner" });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  await expect(page.getByText("The only owner: cannot be removed or demoted.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Remove ${owner.email}` })).toBeDisabled();
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
