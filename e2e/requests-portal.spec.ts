// The requests portal: signed-in end users raise requests at /requests and follow them; support
// answers in the dashboard. One end user never sees another's request, one tenant never another's.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL, type TestUser } from "./support/customer-backend";
import { createTenant, type TestTenant } from "./support/tenants";

const alice: TestUser = { email: "alice@example.com", name: "Alice Archer", external_id: "u-alice" };
const bob: TestUser = { email: "bob@example.com", name: "Bob Baker", external_id: "u-bob" };

/** Signs `user` in through the tenant's Login URL (the customer backend) by opening /requests. */
async function openRequestsAs(page: Page, tenant: TestTenant, user: TestUser) {
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  await page.goto(`${tenant.origin}/requests`);
  await expect(page).toHaveURL(`${tenant.origin}/requests`);
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "My requests", level: 1 })).toBeVisible();
}

/** Raises a request from /requests and returns its id (from the "View your request" link). */
async function raiseRequest(page: Page, subject: string, message: string): Promise<string> {
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page.getByLabel("Message", { exact: true }).fill(message);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Your request has been sent.")).toBeVisible();
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("");
  const list = page.getByRole("list", { name: "Your requests" });
  await expect(list.getByRole("listitem").filter({ hasText: subject })).toContainText("Open");
  const href = await page.getByRole("link", { name: "View your request" }).getAttribute("href");
  return /^\/requests\/([0-9a-f-]{36})$/.exec(href ?? "")![1]!;
}

async function expectNoAxeViolations(page: Page) {
  // After a server action the page's <title> is re-committed with the refreshed tree: wait for it,
  // or axe may look in between and report a page without a title.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(found).toEqual([]);
}

async function withContext<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test("two end users each see only their own requests; support answers one; its user sees the answer and every status change", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tenant = await createTenant({ prefix: "requests", visibility: "public", sso: { loginUrl: LOGIN_URL } });

  // Alice: refused fields say why and keep what was typed; then the request is sent.
  await openRequestsAs(page, tenant, alice);
  await expect(page.getByRole("link", { name: "Requests", exact: true })).toBeVisible();
  await page.getByLabel("Subject", { exact: true }).fill("Export is empty");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Describe what you need help with.")).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("Export is empty");
  await expectNoAxeViolations(page);
  const aliceId = await raiseRequest(page, "Export is empty", "The CSV export has headers only.\nSince Monday.");

  // Bob, in another browser: sees only his own, and Alice's request is a 404 for him.
  const bobId = await withContext(browser, async (bobPage) => {
    await openRequestsAs(bobPage, tenant, bob);
    await expect(bobPage.getByText("You have not raised any requests yet.")).toBeVisible();
    const id = await raiseRequest(bobPage, "Invoice address", "Please change it to Main Street 1.");
    await expect(bobPage.getByRole("list", { name: "Your requests" }).getByRole("listitem")).toHaveCount(1);
    await expect(bobPage.getByText("Export is empty")).toHaveCount(0);
    const response = await bobPage.goto(`${tenant.origin}/requests/${aliceId}`);
    expect(response?.status()).toBe(404);
    await expect(bobPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await bobPage.content()).not.toContain("headers only");
    return id;
  });

  // And Bob's is a 404 for Alice; her list holds only her own.
  expect((await page.goto(`${tenant.origin}/requests/${bobId}`))?.status()).toBe(404);
  await page.goto(`${tenant.origin}/requests`);
  await expect(page.getByRole("list", { name: "Your requests" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("Invoice address")).toHaveCount(0);

  // Support answers Alice in the dashboard.
  const support = await createMember(tenant.id, "support");
  await withContext(browser, async (staff) => {
    await signInToDashboard(staff, support.email);
    await staff.goto(`/dashboard/${tenant.subdomain}/requests`);
    const tabs = staff.getByRole("navigation", { name: "Filter by status" });
    await expect(tabs.getByRole("link", { name: "Open 2" })).toHaveAttribute("aria-current", "page");
    await expect(staff.getByRole("row").filter({ hasText: "Invoice address" })).toContainText("bob@example.com");
    await expectNoAxeViolations(staff);
    await staff.getByRole("link", { name: "Export is empty" }).click();
    await expect(staff.getByRole("heading", { name: "Export is empty", level: 1 })).toBeVisible();
    await expect(staff.getByText("Raised by Alice Archer (alice@example.com, external ID u-alice)")).toBeVisible();
    await expect(staff.getByText("Since Monday.", { exact: false })).toBeVisible();

    await staff.getByRole("button", { name: "Send reply" }).click();
    await expect(staff.getByText("Write a reply.")).toBeVisible();
    await staff.getByLabel("Reply to the requester", { exact: true }).fill("Fixed on our side: export again, please.");
    await expect(staff.getByLabel("Status after sending", { exact: true })).toHaveValue("answered");
    await staff.getByRole("button", { name: "Send reply" }).click();
    await expect(staff.getByText("Reply sent. The request is now answered.")).toBeVisible();
    await expect(staff.getByRole("list", { name: "Conversation" }).getByRole("listitem")).toHaveCount(2);
    await expect(staff.getByLabel("Request status", { exact: true })).toHaveValue("answered");
    await expectNoAxeViolations(staff);

    await staff.goto(`/dashboard/${tenant.subdomain}/requests`);
    await expect(tabs.getByRole("link", { name: "Open 1" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Answered 1" })).toBeVisible();
  });

  // Alice sees the answer, replies (which opens the request again).
  await page.goto(`${tenant.origin}/requests`);
  await expect(page.getByRole("list", { name: "Your requests" }).getByRole("listitem").filter({ hasText: "Export is empty" })).toContainText("Answered");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Export is empty" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/requests/${aliceId}`);
  const conversation = page.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByRole("listitem").nth(1)).toContainText("Fixed on our side: export again, please.");
  await expect(conversation.getByRole("listitem").nth(1)).toContainText("Support team");
  await expect(page.getByText("We have replied.")).toBeVisible();
  await page.getByLabel("Your reply", { exact: true }).fill("Still only headers, sorry.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent. Your request is open again.")).toBeVisible();
  await expect(conversation.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("We have your request and will reply here.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Support closes it without a reply; Alice sees it closed, with no reply form.
  await withContext(browser, async (staff) => {
    await signInToDashboard(staff, support.email);
    await staff.goto(`/dashboard/${tenant.subdomain}/requests/${aliceId}`);
    await expect(staff.getByText("Still only headers, sorry.")).toBeVisible();
    await staff.getByLabel("Request status", { exact: true }).selectOption("closed");
    await staff.getByRole("button", { name: "Update status" }).click();
    await expect(staff.getByText("Status changed to closed.")).toBeVisible();
  });
  await page.reload();
  await expect(page.getByText("This request is closed.", { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel("Your reply", { exact: true })).toHaveCount(0);

  expect(await auditActions(tenant.id)).toEqual(["request.replied", "request.status_changed"]);
  // Each entry names the request by its subject, not by its id alone.
  const subjects = await sqlOnce<{ subject: string }>(env.TEST_DATABASE_URL!, `SELECT details->>'subject' AS subject FROM audit_entries WHERE tenant_id = $1 ORDER BY occurred_at`, [tenant.id]);
  expect(subjects.map((row) => row.subject)).toEqual(["Export is empty", "Export is empty"]);
});

test("the action checks the session itself: signed out meanwhile, nothing is saved, the form says so and keeps the text", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "req-expired", visibility: "public", sso: { loginUrl: LOGIN_URL } });
  await openRequestsAs(page, tenant, alice);
  await context.clearCookies();
  await page.getByLabel("Subject", { exact: true }).fill("Lost session");
  await page.getByLabel("Message", { exact: true }).fill("Typed while the session ended.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Your session has ended.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("Typed while the session ended.");

  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/requests`);
  await expect(page.getByText("You have not raised any requests yet.")).toBeVisible();
});

test("return_to=/requests lands on /requests after sign-in: via /sso/login, the Login URL round trip, and a sign-in the customer's app starts", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "req-return", visibility: "public", sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: alice, mode: "normal" });

  // HappyFox-style link from the customer's app to the help center's sign-in.
  await page.goto(`${tenant.origin}/sso/login?return_to=/requests`);
  await expect(page).toHaveURL(`${tenant.origin}/requests`);
  await expect(page.getByRole("heading", { name: "My requests", level: 1 })).toBeVisible();
  const log = await customerBackend.log(tenant.subdomain);
  expect(log.received.at(-1)).toMatchObject({ subdomain: tenant.subdomain, return_to: `${tenant.origin}/requests` });

  // The customer's app starts the sign-in itself (no key), naming /requests.
  await context.clearCookies();
  await page.goto(`${LOGIN_URL}?${new URLSearchParams({ subdomain: tenant.subdomain, return_to: "/requests" })}`);
  await expect(page).toHaveURL(`${tenant.origin}/requests`);
  await expect(page.getByText(`Signed in as ${alice.name}`)).toBeVisible();
});

test("signed out, /requests goes to sign-in on public and private help centers, and explains itself when there is no sign-in", async ({ page }) => {
  for (const visibility of ["public", "private"] as const) {
    const tenant = await createTenant({ prefix: `req-${visibility}`, visibility, sso: { loginUrl: LOGIN_URL } });
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: alice, mode: "hold" });
    if (visibility === "public") {
      await page.goto(`${tenant.origin}/`);
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Requests", exact: true })).toHaveCount(0);
    }
    await page.goto(`${tenant.origin}/requests/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
    const received = (await customerBackend.log(tenant.subdomain)).received;
    expect(received.at(-1)?.return_to).toBe(`${tenant.origin}/requests/00000000-0000-4000-8000-000000000000`);
  }

  const noSso = await createTenant({ prefix: "req-nosso", visibility: "public" });
  const response = await page.goto(`${noSso.origin}/requests`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(`${noSso.origin}/requests`);
  await expect(page.getByRole("heading", { name: "Requests need you to be signed in" })).toBeVisible();
  await expect(page.getByLabel("Subject", { exact: true })).toHaveCount(0);
});

test("an editor gets 403 on requests; another tenant's request is a 404 in the dashboard", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "req-roles", visibility: "public", sso: { loginUrl: LOGIN_URL } });
  await openRequestsAs(page, tenant, alice);
  const requestId = await raiseRequest(page, "Dark mode", "Is there one?");

  await withContext(browser, async (editorPage) => {
    const editor = await createMember(tenant.id, "editor");
    await signInToDashboard(editorPage, editor.email);
    expect((await editorPage.goto(`/dashboard/${tenant.subdomain}/requests`))?.status()).toBe(403);
    expect((await editorPage.goto(`/dashboard/${tenant.subdomain}/requests/${requestId}`))?.status()).toBe(403);
    await expect(editorPage.getByText("Dark mode")).toHaveCount(0);
  });

  // An admin of another tenant, with the right request id under their own tenant's URL.
  const other = await createTenant({ prefix: "req-other" });
  await withContext(browser, async (adminPage) => {
    const admin = await createMember(other.id, "admin");
    await signInToDashboard(adminPage, admin.email);
    expect((await adminPage.goto(`/dashboard/${other.subdomain}/requests/${requestId}`))?.status()).toBe(404);
    expect((await adminPage.goto(`/dashboard/${tenant.subdomain}/requests/${requestId}`))?.status()).toBe(404);
    await adminPage.goto(`/dashboard/${other.subdomain}/requests?status=all`);
    await expect(adminPage.getByText("No end user has raised a request yet.", { exact: false })).toBeVisible();
  });
});
