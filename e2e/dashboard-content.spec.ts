// The dashboard's Content section: an editor writes a category and a group-restricted article,
// readers of the help center see it only with the group, and deleting asks first and never loses
// articles. Also: refused saves keep what was typed, support staff get 403, and another tenant's
// ids are 404.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { customerBackend, LOGIN_URL, type TestUser } from "./support/customer-backend";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant, type TestTenant } from "./support/tenants";

const BODY = [
  "## Turn it on",
  "",
  "Open **Labs** and switch on instant sync.",
  "",
  "<script>window.__pwned = true</script>",
  "",
  "[Do not click](javascript:window.__pwned=true)",
].join("\n");

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** A new browser signed in to the help center as `user` (through the tenant's Login URL), at `path`. */
async function reader(browser: Browser, tenant: TestTenant, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  await page.goto(`${tenant.origin}/`);
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
  return { page, close: () => context.close() };
}

/** Presses a form's submit button and waits for the server action's answer (the page's status text may be the previous one). */
async function save(page: Page, button: string) {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: button }).click();
  await answered;
}

async function articleIds(tenantId: string): Promise<string[]> {
  const rows = await sqlOnce<{ id: string }>(env.TEST_DATABASE_URL!, `SELECT id FROM articles WHERE tenant_id = $1`, [tenantId]);
  return rows.map((row) => row.id);
}

test("an editor creates, edits and deletes a group-restricted article; only readers in the group see it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tenant = await createTenant({ prefix: "content", visibility: "private", sso: { loginUrl: LOGIN_URL } });
  const editor = await createMember(tenant.id, "editor");
  await signInToDashboard(page, editor.email);
  const list = `/dashboard/${tenant.subdomain}/content`;
  await page.goto(list);
  await expect(page.getByText("No content yet.")).toBeVisible();

  // A category: the slug follows the title.
  await page.getByRole("link", { name: "New category" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Labs & Previews");
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue("labs-previews");
  await page.getByLabel("Description", { exact: true }).fill("Features you can try early.");
  await page.getByRole("button", { name: "Create category" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Category created." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Labs & Previews", level: 2 })).toBeVisible();

  // An article, previewed through the help center's renderer before it is saved.
  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue(/.+/);
  await page.getByLabel("Title", { exact: true }).fill("Instant sync");
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue("instant-sync");
  await page.getByLabel("Body", { exact: true }).fill(BODY);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Turn it on" })).toBeVisible();
  await expect(preview.locator("strong", { hasText: "Labs" })).toBeVisible();
  await expect(preview.locator("script")).toHaveCount(0);
  await preview.getByRole("link", { name: "Do not click" }).click(); // a preview link never leaves the unsaved editor
  await expect(page).toHaveURL(/\/content\/articles\/new$/);
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(BODY);
  await page.getByLabel("Required groups", { exact: true }).fill(" beta , beta");
  await page.getByLabel("Published", { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Article created." })).toBeVisible();
  const row = page.getByRole("row", { name: /Instant sync/ });
  await expect(row).toContainText("Published");
  await expect(row).toContainText("Groups: beta");
  await expectNoAxeViolations(page);

  // Edit it twice in a row on the same page: each save starts from the version just saved.
  await page.getByRole("link", { name: "Edit article “Instant sync”" }).click();
  await expect(page.getByLabel("Required groups", { exact: true })).toHaveValue("beta");
  await page.getByLabel("Title", { exact: true }).fill("Instant sync (beta)");
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue("instant-sync"); // an existing slug never follows the title
  await save(page, "Save article");
  await expect(page.getByRole("status").filter({ hasText: "Article saved." })).toBeVisible();
  await page.getByLabel("Body", { exact: true }).fill(`${BODY}\n\nIt syncs within a second.`);
  await save(page, "Save article");
  await expect(page.getByText("Someone saved this after you opened it")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Article saved." })).toBeVisible();
  await page.getByRole("link", { name: "Back to content" }).click();
  await expect(page.getByRole("row", { name: /Instant sync \(beta\)/ })).toContainText("Groups: beta");

  // The help center: a signed-in reader without the group finds nothing, not even by URL.
  const plain = await reader(browser, tenant, { email: "plain@example.com", name: "Plain Reader", groups: [] });
  try {
    await expect(plain.page.getByRole("link", { name: "Instant sync (beta)" })).toHaveCount(0);
    expect((await plain.page.goto(`${tenant.origin}/articles/instant-sync`))?.status()).toBe(404);
    expect(await plain.page.content()).not.toContain("within a second");
  } finally {
    await plain.close();
  }
  // A reader in "beta" finds it, rendered safely: no script ran, no script link.
  const beta = await reader(browser, tenant, { email: "beta@example.com", name: "Beta Reader", groups: ["beta"] });
  try {
    await beta.page.getByRole("link", { name: "Instant sync (beta)" }).click();
    await expect(beta.page.getByRole("heading", { name: "Instant sync (beta)", level: 1 })).toBeVisible();
    await expect(beta.page.getByText("It syncs within a second.")).toBeVisible();
    expect(await beta.page.getByRole("link", { name: "Do not click" }).getAttribute("href")).not.toMatch(/javascript/i);
    expect(await beta.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

    // Deleting: a category with an article is refused up front; the article goes after a confirmation.
    await page.getByRole("button", { name: "Delete category “Labs & Previews”" }).click();
    const refusal = page.getByRole("dialog", { name: "“Labs & Previews” cannot be deleted yet" });
    await expect(refusal).toContainText("It still has 1 article.");
    await expect(refusal.getByRole("button", { name: "Delete category" })).toHaveCount(0);
    await refusal.getByRole("button", { name: "Close" }).click();

    await page.getByRole("button", { name: "Delete article “Instant sync (beta)”" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete the article “Instant sync (beta)”?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("row", { name: /Instant sync \(beta\)/ })).toBeVisible();
    await page.getByRole("button", { name: "Delete article “Instant sync (beta)”" }).click();
    await confirm.getByRole("button", { name: "Delete article" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Article deleted." })).toBeVisible();
    await expect(page.getByRole("row", { name: /Instant sync/ })).toHaveCount(0);
    expect((await beta.page.goto(`${tenant.origin}/articles/instant-sync`))?.status()).toBe(404);

    await page.getByRole("button", { name: "Delete category “Labs & Previews”" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete category" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Category deleted." })).toBeVisible();
  } finally {
    await beta.close();
  }

  expect(await auditActions(tenant.id)).toEqual([
    "content.category.created",
    "content.article.created",
    "content.article.updated",
    "content.article.updated",
    "content.article.deleted",
    "content.category.deleted",
  ]);
});

test("refused saves say why next to the field and keep everything typed", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "content-refusals",
    categories: [{ slug: "billing", title: "Billing", articles: [{ slug: "refunds", title: "Refunds", body: "Within 30 days." }] }],
  });
  const editor = await createMember(tenant.id, "editor");
  await signInToDashboard(page, editor.email);

  await page.goto(`/dashboard/${tenant.subdomain}/content/categories/new`);
  await page.getByLabel("Title", { exact: true }).fill("Billing");
  await page.getByLabel("Description", { exact: true }).fill("Invoices and plans");
  await page.getByLabel("Position", { exact: true }).fill("");
  await page.getByRole("button", { name: "Create category" }).click();
  await expect(page.getByText("Enter a whole number from 0 to 10000.")).toBeVisible();
  await expect(page.getByLabel("Position", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Invoices and plans");
  await page.getByLabel("Position", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Create category" }).click();
  await expect(page.getByText("Another item in this help center already uses this slug.")).toBeVisible();
  await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Slug", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Billing");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Invoices and plans");
  // Editing the field hides its error (it may be fixed now); submitting again shows it if not.
  await page.getByLabel("Slug", { exact: true }).pressSequentially("-x");
  await page.getByLabel("Slug", { exact: true }).press("Backspace");
  await page.getByLabel("Slug", { exact: true }).press("Backspace");
  await expect(page.getByText("Another item in this help center already uses this slug.")).toBeHidden();
  await expect(page.getByLabel("Slug", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Create category" }).click();
  await expect(page.getByText("Another item in this help center already uses this slug.")).toBeVisible();
  await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.goto(`/dashboard/${tenant.subdomain}/content/articles/new`);
  await page.getByLabel("Title", { exact: true }).fill("Refunds");
  const tooLong = "x".repeat(101 * 1024);
  await page.getByLabel("Body", { exact: true }).fill(tooLong);
  await expect(page.getByText("101 KB of 100 KB: too long to save.")).toBeVisible();
  await page.getByLabel("Required groups", { exact: true }).fill("Staff, beta");
  await page.getByLabel("Published", { exact: true }).check();
  // Not even sent (past 1 MB the request itself would fail and take the typed text with it).
  let sent = false;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) sent = true;
  });
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByLabel("Body", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Body", { exact: true })).toHaveAccessibleDescription(/101 KB of 100 KB: too long to save/);
  expect(sent).toBe(false);
  await expect(page.getByLabel("Required groups", { exact: true })).toHaveValue("Staff, beta");
  await expect(page.getByLabel("Published", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Refunds");

  // Within the limit, the duplicate slug is the next thing to fix.
  await page.getByLabel("Body", { exact: true }).fill("Refunds take 5 days.");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByText("Another item in this help center already uses this slug.")).toBeVisible();
  await expect(page.getByLabel("Slug", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Required groups", { exact: true })).toHaveValue("Staff, beta");
  await expect(page.getByLabel("Published", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue("Refunds take 5 days.");
  await page.getByLabel("Slug", { exact: true }).fill("refund-timing");
  await page.getByRole("button", { name: "Create article" }).click();
  await expect(page.getByRole("row", { name: /Refunds/ })).toHaveCount(2);
  await expect(page.getByRole("row", { name: /refund-timing/ })).toContainText("Groups: Staff, beta");
});

test("support staff get 403 on every content page; another tenant's ids are 404", async ({ page }) => {
  const content = [{ slug: "general", title: "General", articles: [{ slug: "hello", title: "Hello", body: "Hi." }] }];
  const tenant = await createTenant({ prefix: "content-roles", categories: content });
  const [articleId] = await articleIds(tenant.id);
  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  const base = `/dashboard/${tenant.subdomain}/content`;
  for (const path of ["", "/categories/new", "/articles/new", `/articles/${articleId}`]) {
    expect((await page.goto(`${base}${path}`))?.status(), path || "/").toBe(403);
  }

  // An editor of another tenant, trying this tenant's article id under their own dashboard.
  const other = await createTenant({ prefix: "content-other" });
  const otherEditor = await createMember(other.id, "editor");
  await page.context().clearCookies();
  await signInToDashboard(page, otherEditor.email);
  expect((await page.goto(`/dashboard/${other.subdomain}/content/articles/${articleId}`))?.status()).toBe(404);
  expect((await page.goto(`/dashboard/${other.subdomain}/content/articles/not-a-uuid`))?.status()).toBe(404);
  expect((await page.goto(`${base}`))?.status()).toBe(404); // not a member of that tenant at all
});
