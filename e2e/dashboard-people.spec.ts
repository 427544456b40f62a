// People: the help center's end users in the dashboard. An admin finds a reader SSO signed in,
// suspends them (their session ends at once, their next sign-in is refused with user_suspended),
// lifts it (they sign in again) and signs them out; support may look but not act.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL, type Mode } from "./support/customer-backend";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, endUserSessions, type TestTenant } from "./support/tenants";

const reader = { email: "Rita.Reader@Example.com", name: "Rita Reader", external_id: "cust-4242", groups: ["beta", "staff"] };

async function privateTenant(prefix: string): Promise<TestTenant> {
  return createTenant({
    prefix,
    visibility: "private",
    sso: { loginUrl: LOGIN_URL },
    categories: [{ slug: "basics", title: "Basics", articles: [{ slug: "welcome", title: "Welcome", body: "Hello, reader." }] }],
  });
}

/** What the tenant's Login URL does next: sign the reader in (normal) or show its own page (hold). */
function loginUrlWill(tenant: TestTenant, mode: Mode) {
  return customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The reader signs in through the customer's app and reads an article; returns their page. */
async function readerSignsIn(browser: Browser, tenant: TestTenant): Promise<Page> {
  await loginUrlWill(tenant, "normal");
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${tenant.origin}/articles/welcome`);
  await expect(page.getByText("Signed in as Rita Reader")).toBeVisible();
  return page;
}

test("an admin finds a reader, suspends them (their session ends, sign-in is refused), lifts it and signs them out", async ({ page, browser }) => {
  const tenant = await privateTenant("people");
  const admin = await createMember(tenant.id, "admin");
  const readerPage = await readerSignsIn(browser, tenant);
  try {
    await signInToDashboard(page, admin.email);
    await page.goto(`/dashboard/${tenant.subdomain}`);
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();

    // A part of the address, in another case, finds them; the row shows what SSO provisioned.
    await page.getByRole("searchbox", { name: "Search" }).fill("READER@exa");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=READER%40exa/);
    const row = page.getByRole("row").filter({ hasText: "rita.reader@example.com" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("cust-4242");
    await expect(row).toContainText("beta, staff");
    await expect(row).not.toContainText("Suspended");
    await expectNoAxeViolations(page);
    await page.getByRole("searchbox", { name: "Search" }).fill("nobody-like-this");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("Nobody has “nobody-like-this” in their name, email or external ID.")).toBeVisible();
    await page.getByRole("link", { name: "Clear" }).click();
    await page.getByRole("link", { name: "Rita Reader" }).click();

    // The person's page: everything stored, one live session, and their events in Logs.
    await expect(page.getByRole("heading", { name: "Rita Reader", level: 1 })).toBeVisible();
    const details = page.getByRole("region", { name: "Details" });
    await expect(details.getByRole("definition").filter({ hasText: "cust-4242" })).toBeVisible();
    await expect(details).toContainText(/Live sessions\s*1/);
    const logsLink = page.getByRole("link", { name: "Sign-in events of rita.reader@example.com in Logs" });
    expect(new URL((await logsLink.getAttribute("href"))!, "http://x").searchParams.get("q")).toBe("rita.reader@example.com");
    await expectNoAxeViolations(page);

    // Suspend asks first; Cancel changes nothing.
    const access = page.getByRole("region", { name: "Access" });
    await access.getByRole("button", { name: "Suspend" }).click();
    const dialog = page.getByRole("dialog", { name: "Suspend rita.reader@example.com?" });
    await expect(dialog).toContainText("signed out of the help center at once (their 1 live session ends now)");
    await expect(dialog).toContainText("refused with user_suspended");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(access.getByRole("button", { name: "Suspend" })).toBeFocused();
    await readerPage.reload();
    await expect(readerPage.getByText("Signed in as Rita Reader")).toBeVisible();

    await access.getByRole("button", { name: "Suspend" }).click();
    await dialog.getByRole("button", { name: "Suspend and sign out" }).click();
    await expect(access.getByRole("status")).toHaveText(
      "rita.reader@example.com is suspended: 1 live session ended, and their next sign-in is refused (user_suspended).",
    );
    await expect(page.getByRole("heading", { name: "Rita Reader", level: 1 })).toContainText("Suspended");
    await expect(access.getByRole("button", { name: "Lift suspension" })).toBeVisible();
    await expect(details).toContainText(/Live sessions\s*0/);
    expect((await endUserSessions(tenant)).every((session) => session.revoked_at !== null)).toBe(true);

    // The reader's next page load has no session: it goes to the Login URL (held there)...
    await loginUrlWill(tenant, "hold");
    await readerPage.goto(`${tenant.origin}/articles/welcome`);
    await expect(readerPage.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
    // ...and a fresh sign-in with a valid token is refused.
    await loginUrlWill(tenant, "normal");
    const refused = readerPage.waitForResponse((response) => response.url().startsWith(`${tenant.origin}/sso/jwt`));
    await readerPage.goto(`${tenant.origin}/articles/welcome`);
    expect((await refused).status()).toBe(403);
    await expect(readerPage.getByText("Your access to this help center has been suspended.")).toBeVisible();
    await expect(readerPage.getByText("user_suspended", { exact: true })).toBeVisible();
    await expect(readerPage.getByText(`If you think this is a mistake, contact whoever runs ${tenant.name}.`)).toBeVisible();
    await expect(readerPage.getByText("Lift the suspension in Dashboard → People")).toBeVisible();
    // It always will: no "If this keeps happening".
    await expect(readerPage.getByText("keeps happening")).toHaveCount(0);

    // The list shows the suspension, and the Suspended filter finds them.
    await page.goto(`/dashboard/${tenant.subdomain}/people?status=suspended`);
    await expect(page.getByRole("row").filter({ hasText: "rita.reader@example.com" })).toContainText("Suspended");
    await page.getByRole("link", { name: "Rita Reader" }).click();

    // Lifting lets them in again.
    await access.getByRole("button", { name: "Lift suspension" }).click();
    await expect(access.getByRole("status")).toHaveText("Suspension lifted: rita.reader@example.com can sign in again.");
    await expect(access.getByRole("button", { name: "Suspend" })).toBeVisible();
    await readerPage.goto(`${tenant.origin}/articles/welcome`);
    await expect(readerPage.getByText("Signed in as Rita Reader")).toBeVisible();
    await expect(readerPage.getByRole("heading", { name: "Welcome", level: 1 })).toBeVisible();

    // Sign out everywhere ends that session without suspending.
    await page.reload();
    await expect(details).toContainText(/Live sessions\s*1/);
    await access.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(access.getByRole("status")).toHaveText("rita.reader@example.com is signed out everywhere: 1 live session ended. They can sign in again.");
    // Focus moves to the outcome (the box around the message), not back to the top of the page.
    await expect(access.getByRole("status").locator("..")).toBeFocused();
    await loginUrlWill(tenant, "hold");
    await readerPage.reload();
    await expect(readerPage.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
    expect((await endUserSessions(tenant)).every((session) => session.revoked_at !== null)).toBe(true);
  } finally {
    await readerPage.context().close();
  }

  expect((await auditActions(tenant.id)).filter((action) => action.startsWith("end_user."))).toEqual(["end_user.suspended", "end_user.unsuspended", "end_user.signed_out"]);
});

test("a support member sees people but no actions, and a direct POST of Suspend is refused", async ({ page, browser }) => {
  const tenant = await privateTenant("people-support");
  const admin = await createMember(tenant.id, "admin");
  const support = await createMember(tenant.id, "support");
  const readerPage = await readerSignsIn(browser, tenant);
  await readerPage.context().close();

  // The admin's Suspend request, to replay as support (a forged form post).
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/people`);
  await page.getByRole("link", { name: "Rita Reader" }).click();
  // A client-side navigation: read the URL once it has arrived, not while the list still shows.
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  const personUrl = page.url();
  const suspendRequest = recordServerActions(page); // the first action sent is Suspend
  const access = page.getByRole("region", { name: "Access" });
  await access.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Suspend and sign out" }).click();
  await expect(access.getByRole("status")).toContainText("is suspended");
  await access.getByRole("button", { name: "Lift suspension" }).click();
  await expect(access.getByRole("status")).toContainText("Suspension lifted");

  const supportContext = await browser.newContext();
  try {
    const supportPage = await supportContext.newPage();
    await signInToDashboard(supportPage, support.email);
    await supportPage.goto(`/dashboard/${tenant.subdomain}`);
    await supportPage.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "People" }).click();
    await expect(supportPage.getByRole("row").filter({ hasText: "rita.reader@example.com" })).toBeVisible();
    await supportPage.getByRole("link", { name: "Rita Reader" }).click();
    await expect(supportPage).toHaveURL(personUrl);
    await expect(supportPage.getByRole("heading", { name: "Rita Reader", level: 1 })).toBeVisible();
    await expect(supportPage.getByText("cust-4242").first()).toBeVisible();
    await expect(supportPage.getByRole("button")).toHaveText(["Sign out"]); // the dashboard's own, nothing else
    await expect(supportPage.getByRole("region", { name: "Access" })).toHaveCount(0);

    expect((await replayServerAction(supportContext.request, suspendRequest())).status()).toBe(403);
    await supportPage.reload();
    await expect(supportPage.getByRole("heading", { name: "Rita Reader", level: 1 })).not.toContainText("Suspended");
  } finally {
    await supportContext.close();
  }
  expect((await auditActions(tenant.id)).filter((action) => action.startsWith("end_user."))).toEqual(["end_user.suspended", "end_user.unsuspended"]);
});

test("on a phone the list is a stack that fits the screen; 50 people a page; an empty tenant says why nothing is shown", async ({ page, browser }) => {
  const tenant = await privateTenant("people-phone");
  const owner = await createMember(tenant.id, "owner");
  await page.setViewportSize({ width: 390, height: 844 });
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/people`);
  await expect(page.getByText("Nobody has signed in to this help center yet.")).toBeVisible();
  await page.goto(`/dashboard/${tenant.subdomain}/people?status=suspended`);
  await expect(page.getByText("Nobody is suspended.")).toBeVisible();

  await (await readerSignsIn(browser, tenant)).context().close();
  // 50 people who signed in before Rita did: she opens page 1, the oldest of them is on page 2.
  await sqlOnce(
    env.TEST_DATABASE_URL!,
    `INSERT INTO end_users (id, tenant_id, email, name, last_login_at, updated_at)
     SELECT gen_random_uuid(), $1, 'earlier-' || n || '@example.com', 'Earlier ' || n, now() - make_interval(days => n), now() FROM generate_series(1, 50) AS n`,
    [tenant.id],
  );
  await page.goto(`/dashboard/${tenant.subdomain}/people`);
  const email = page.getByRole("row").filter({ hasText: "Rita Reader" }).getByText("rita.reader@example.com");
  await expect(email).toBeVisible();
  const box = (await email.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await expect(page.locator("tbody tr")).toHaveCount(50);
  await page.getByRole("link", { name: "Earlier sign-ins" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("earlier-50@example.com");
  await expect(page.getByRole("region", { name: "People" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Earlier sign-ins" })).toHaveCount(0);
  await page.getByRole("link", { name: "Most recent" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("rita.reader@example.com");
});

test("cross-tenant: an admin of A cannot open or suspend B's person, by URL or by the action's payload", async ({ page, browser }) => {
  const tenantA = await privateTenant("people-a");
  const tenantB = await privateTenant("people-b");
  const admin = await createMember(tenantA.id, "admin");
  await (await readerSignsIn(browser, tenantA)).context().close();
  await (await readerSignsIn(browser, tenantB)).context().close();
  const idOf = async (tenant: TestTenant) =>
    (await sqlOnce<{ id: string }>(env.TEST_DATABASE_URL!, `SELECT id FROM end_users WHERE tenant_id = $1`, [tenant.id]))[0]!.id;
  const [personA, personB] = [await idOf(tenantA), await idOf(tenantB)];

  await signInToDashboard(page, admin.email);
  expect((await page.goto(`/dashboard/${tenantA.subdomain}/people/${personB}`))?.status()).toBe(404);
  expect((await page.goto(`/dashboard/${tenantB.subdomain}/people/${personB}`))?.status()).toBe(404); // not a member of B

  // A's own Suspend, with B's person's id put in its form.
  await page.goto(`/dashboard/${tenantA.subdomain}/people/${personA}`);
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      await route.continue({ postData: (request.postData() ?? "").replaceAll(personA, personB) });
    } else await route.continue();
  });
  const access = page.getByRole("region", { name: "Access" });
  await access.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Suspend and sign out" }).click();
  await expect(access.getByRole("alert")).toHaveText("This person could not be found in this help center.");
  const suspended = await sqlOnce<{ suspended: boolean }>(env.TEST_DATABASE_URL!, `SELECT suspended FROM end_users WHERE id = ANY($1::uuid[])`, [[personA, personB]]);
  expect(suspended.map((row) => row.suspended)).toEqual([false, false]);
  expect((await endUserSessions(tenantB)).every((session) => session.revoked_at === null)).toBe(true);
});

test("a stale link to a deleted person or an expired log event is a 404 inside the dashboard, menu and all, with a way back to the Overview", async ({ page }) => {
  const tenant = await createTenant({ prefix: "people-gone" });
  const other = await createTenant({ prefix: "people-gone-other" });
  const admin = await createMember(tenant.id, "admin");
  const personId = randomUUID();
  await sqlOnce(env.TEST_DATABASE_URL!, `INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, 'gone@example.com', 'Gone Reader', now())`, [personId, tenant.id]);
  await sqlOnce(env.TEST_DATABASE_URL!, `DELETE FROM end_users WHERE id = $1`, [personId]);
  await signInToDashboard(page, admin.email);

  for (const path of [`people/${personId}`, "settings/logs/999999999999"]) {
    const response = await page.goto(`/dashboard/${tenant.subdomain}/${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 }), path).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "People" }), path).toBeVisible();
    await expect(page).toHaveTitle("Not found · Gatehouse");
  }
  await page.getByRole("link", { name: "Back to the Overview" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/${tenant.subdomain}$`));
  await expect(page.getByRole("heading", { name: tenant.name, level: 1 })).toBeVisible();

  // A help center one is not a member of stays the site-wide 404: a menu there would name it.
  expect((await page.goto(`/dashboard/${other.subdomain}/people/${personId}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(other.name);
});

test("on a phone a person with a long address fits the screen, and so does the Suspend confirmation naming them", async ({ page }) => {
  const tenant = await createTenant({ prefix: "people-long" });
  const admin = await createMember(tenant.id, "admin");
  const email = "a.rather.long.customer.address.for.testing@subsidiary.example-corporation.com";
  const personId = randomUUID();
  await sqlOnce(env.TEST_DATABASE_URL!, `INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, $3, 'Long Address', now())`, [personId, tenant.id, email]);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/people/${personId}`);
  await expect(page.getByRole("heading", { name: "Long Address", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await page.getByRole("region", { name: "Access" }).getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: `Suspend ${email}?` });
  await expect(dialog).toBeVisible();
  const title = dialog.getByRole("heading", { name: `Suspend ${email}?` });
  expect(await title.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  const [titleBox, dialogBox] = [(await title.boundingBox())!, (await dialog.boundingBox())!];
  expect(titleBox.x + titleBox.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
  expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(390);
});
