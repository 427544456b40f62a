// Settings → Security → SSO → Sessions: an admin ends every reader's help-center session (after a
// leaked secret, Regenerate alone leaves the sessions old tokens started).
import { expect, test } from "@playwright/test";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, endUserSessions } from "./support/tenants";

test("Sign everyone out ends every reader's session after a confirmation, and is audited", async ({ page, browser }) => {
  const tenant = await createTenant({
    prefix: "sessions",
    visibility: "private",
    sso: { loginUrl: LOGIN_URL },
    categories: [{ slug: "basics", title: "Basics", articles: [{ slug: "welcome", title: "Welcome", body: "Hello." }] }],
  });
  const admin = await createMember(tenant.id, "admin");

  // A reader signs in through the customer's app; the backend then holds the next sign-in, so a
  // redirect to the Login URL shows its page instead of signing the reader straight back in.
  const readerContext = await browser.newContext();
  try {
    const reader = await readerContext.newPage();
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: { email: "reader@example.com", name: "Rita Reader" }, mode: "normal" });
    await reader.goto(`${tenant.origin}/`);
    await expect(reader.getByText("Signed in as Rita Reader")).toBeVisible();

    await signInToDashboard(page, admin.email);
    await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso#sessions`);
    const section = page.getByRole("region", { name: "Sessions" });
    await expect(section.getByText("1 session is open right now.")).toBeVisible();

    // Cancel keeps everyone signed in.
    await section.getByRole("button", { name: "Sign everyone out" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign everyone out of the help center?" });
    await expect(dialog).toContainText("Every reader's session ends now");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await reader.reload();
    await expect(reader.getByText("Signed in as Rita Reader")).toBeVisible();

    await section.getByRole("button", { name: "Sign everyone out" }).click();
    await dialog.getByRole("button", { name: "Sign everyone out" }).click();
    await expect(section.getByRole("status")).toHaveText("Signed everyone out: 1 session ended. Readers sign in again with a new token.");
    await expect(section.getByText("Nobody is signed in right now.")).toBeVisible();
    expect((await endUserSessions(tenant)).every((session) => session.revoked_at !== null)).toBe(true);

    // The reader's next page load starts a sign-in: the session is gone.
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: { email: "reader@example.com", name: "Rita Reader" }, mode: "hold" });
    await reader.goto(`${tenant.origin}/`);
    await expect(reader.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();

    // A second press with nobody signed in says so. The action is held on its way to the server:
    // meanwhile the button says it is working and pressing it does not ask again.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/settings/security/sso", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await section.getByRole("button", { name: "Sign everyone out" }).click();
    await dialog.getByRole("button", { name: "Sign everyone out" }).click();
    const working = section.getByRole("button", { name: "Signing everyone out…" });
    await expect(working).toBeVisible();
    await working.click({ force: true }); // aria-disabled: Playwright would wait for it to enable
    await expect(dialog).toBeHidden();
    release();
    await expect(section.getByRole("status")).toHaveText("Nobody was signed in.");
    await page.unroute("**/settings/security/sso");
  } finally {
    await readerContext.close();
  }

  // The second press ended nothing, so it left no entry.
  expect((await auditActions(tenant.id)).filter((action) => action === "sso.sessions.ended_all")).toHaveLength(1);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  await expect(page.getByText("Signed every reader out").first()).toBeVisible();
});

test("a support member cannot sign everyone out: the page is 403 and so is a direct POST of the action", async ({ page, browser }) => {
  const tenant = await createTenant({
    prefix: "sessions-roles",
    visibility: "private",
    sso: { loginUrl: LOGIN_URL },
    categories: [{ slug: "basics", title: "Basics", articles: [{ slug: "welcome", title: "Welcome", body: "Hello." }] }],
  });
  const admin = await createMember(tenant.id, "admin");
  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso#sessions`);
  const signOutRequest = recordServerActions(page);
  const section = page.getByRole("region", { name: "Sessions" });
  await section.getByRole("button", { name: "Sign everyone out" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign everyone out" }).click();
  await expect(section.getByRole("status")).toHaveText("Nobody was signed in.");

  // Then a reader signs in, so a replay that got through would have a session to end. The backend
  // then holds the next sign-in: a reader whose session ended would see its page, not be signed
  // straight back in.
  const readerUser = { email: "reader@example.com", name: "Rita Reader" };
  const readerContext = await browser.newContext();
  const supportContext = await browser.newContext();
  try {
    const reader = await readerContext.newPage();
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: readerUser, mode: "normal" });
    await reader.goto(`${tenant.origin}/`);
    await expect(reader.getByText("Signed in as Rita Reader")).toBeVisible();
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: readerUser, mode: "hold" });
    const [session] = await endUserSessions(tenant);
    expect(session).toMatchObject({ email: readerUser.email, revoked_at: null });

    const supportPage = await supportContext.newPage();
    await signInToDashboard(supportPage, support.email);
    expect((await supportPage.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`))?.status()).toBe(403);
    expect((await replayServerAction(supportContext.request, signOutRequest())).status()).toBe(403);

    // The reader is still signed in: the session is live and their next page load uses it.
    const sessions = await endUserSessions(tenant);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ id: session!.id, revoked_at: null });
    await reader.reload();
    await expect(reader.getByText("Signed in as Rita Reader")).toBeVisible();
    await expect(reader.getByRole("heading", { name: "Customer app sign-in" })).toHaveCount(0);
  } finally {
    await supportContext.close();
    await readerContext.close();
  }
  expect((await auditActions(tenant.id)).filter((action) => action === "sso.sessions.ended_all")).toHaveLength(0);
});
