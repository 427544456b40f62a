// Form feedback in the dashboard must always match what the page shows now: a confirmation from an
// earlier action never contradicts a later one (reply "now answered", then "closed"), and a field's
// error goes away as soon as the field changes, also when the form filled it in itself (the slug
// following the title), until the next refused save brings it back.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

const sql = <T extends Record<string, unknown>>(text: string, values: unknown[]) => sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);

/** An end user's open request, written straight into the database; returns its id. */
async function seedRequest(tenantId: string): Promise<string> {
  const [personId, requestId] = [randomUUID(), randomUUID()];
  await sql(`INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, 'ada@example.com', 'Ada Lovelace', now())`, [personId, tenantId]);
  await sql(`INSERT INTO support_requests (id, tenant_id, end_user_id, subject, message, updated_at) VALUES ($1, $2, $3, 'Download does nothing', 'I click Download and nothing happens.', now())`, [
    requestId, tenantId, personId,
  ]);
  return requestId;
}

/** Presses a submit button and waits for the server action's answer. */
async function submit(page: Page, button: string) {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: button }).click();
  await answered;
}

/** Types text a keyboard cannot (a NUL character), as an edit React sees. */
async function setValue(field: Locator, value: string) {
  await field.evaluate((element, text) => {
    const control = element as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(control, text);
    control.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Field `id` shows an error (containing `text`): visible, marked aria-invalid and named by its aria-describedby. */
async function expectError(page: Page, id: string, text?: string) {
  const error = page.locator(`#${id}-error`);
  await expect(error).toBeVisible();
  if (text) await expect(error).toContainText(text);
  await expect(page.locator(`#${id}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${id}`)).toHaveAttribute("aria-describedby", new RegExp(`(^| )${id}-error( |$)`));
}

/** Field `id` shows no error, is not marked invalid and describes itself by no error. */
async function expectNoError(page: Page, id: string) {
  await expect(page.locator(`#${id}-error`)).toHaveCount(0);
  await expect(page.locator(`#${id}`)).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${id}`)).not.toHaveAttribute("aria-describedby", new RegExp(`${id}-error`));
}

test("requests: a reply's confirmation gives way to a later status change, and the other way round", async ({ page }) => {
  const tenant = await createTenant({ prefix: "feedback-req" });
  const requestId = await seedRequest(tenant.id);
  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/requests/${requestId}`);
  const statuses = page.getByRole("status");
  const replied = "Reply sent. The request is now answered.";
  const closed = "Status changed to closed.";

  // Reply, then close: only "closed" is said (the bug: both, contradicting each other).
  await page.getByLabel("Reply to the requester", { exact: true }).fill("Thanks, we are looking into it.");
  await submit(page, "Send reply");
  await expect(statuses.filter({ hasText: replied })).toBeVisible();
  await page.getByLabel("Request status", { exact: true }).selectOption("closed");
  await submit(page, "Update status");
  await expect(statuses.filter({ hasText: closed })).toBeVisible();
  await expect(page.getByText(replied)).toHaveCount(0);
  await expect(statuses).toHaveCount(1);

  // Status first, then a reply that answers it: the earlier "closed" goes.
  await page.getByLabel("Request status", { exact: true }).selectOption("open");
  await submit(page, "Update status");
  await expect(statuses.filter({ hasText: "Status changed to open." })).toBeVisible();
  await expect(statuses).toHaveCount(1);
  await page.getByLabel("Reply to the requester", { exact: true }).fill("It works again now.");
  await submit(page, "Send reply");
  await expect(statuses.filter({ hasText: replied })).toBeVisible();
  await expect(page.getByText("Status changed to open.")).toHaveCount(0);
  await expect(statuses).toHaveCount(1);
  await expect(page.getByLabel("Request status", { exact: true })).toHaveValue("answered");
});

test("article form: a field's error goes once the field changes (the slug filled in from the title too), and comes back only with the next refusal", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "feedback-article",
    categories: [
      { slug: "billing", title: "Billing", articles: [{ slug: "how-to-pay", title: "How to pay", body: "By card." }] },
      { slug: "account", title: "Account", articles: [] },
    ],
  });
  const editor = await createMember(tenant.id, "editor");
  await signInToDashboard(page, editor.email);
  const title = page.getByLabel("Title", { exact: true });
  const slug = page.getByLabel("Slug", { exact: true });
  const summary = page.getByText("Some fields need attention.");

  // The reported case: an empty article refused, then a title typed; the slug follows it, and its
  // error went with the old value (the bug: "Enter a slug" beside "how-to-pay").
  await page.goto(`/dashboard/${tenant.subdomain}/content/articles/new`);
  await submit(page, "Create article");
  await expectError(page, "title");
  await expectError(page, "slug", "Enter a slug");
  await title.fill("How to pay");
  await expect(slug).toHaveValue("how-to-pay");
  await expectNoError(page, "title");
  await expectNoError(page, "slug");

  // The next refusal (the slug is taken) marks the slug again and focuses it; the title it follows clears it.
  await submit(page, "Create article");
  await expectError(page, "slug", "Another item in this help center already uses this slug.");
  await expect(slug).toBeFocused();
  await expect(summary).toBeVisible();
  await title.fill("How to pay by card");
  await expect(slug).toHaveValue("how-to-pay-by-card");
  await expectNoError(page, "slug");

  // Body and required groups: each error goes with an edit of its own field, not of another.
  await setValue(page.getByLabel("Body", { exact: true }), "Bad\u0000byte");
  await page.getByLabel("Required groups", { exact: true }).fill("x".repeat(101));
  await submit(page, "Create article");
  await expectError(page, "body", "NUL");
  await expectError(page, "requiredGroups");
  await page.getByLabel("Body", { exact: true }).fill("By card or bank transfer.");
  await expectNoError(page, "body");
  await expectError(page, "requiredGroups");
  await page.getByLabel("Required groups", { exact: true }).fill("beta");
  await expectNoError(page, "requiredGroups");

  // The category, deleted by a colleague meanwhile: choosing another clears its error.
  const category = page.getByLabel("Category", { exact: true });
  await sql(`DELETE FROM articles WHERE category_id = $1`, [await category.inputValue()]);
  await sql(`DELETE FROM categories WHERE id = $1`, [await category.inputValue()]);
  await submit(page, "Create article");
  await expectError(page, "categoryId", "That category no longer exists.");
  await expect(category).toBeFocused();
  await category.selectOption({ label: "Account" });
  await expectNoError(page, "categoryId");
  await submit(page, "Create article");
  await expect(page.getByRole("status").filter({ hasText: "Article created." })).toBeVisible();
});

test("category form: the description's and the slug's errors go with an edit and come back with the next refusal", async ({ page }) => {
  const tenant = await createTenant({ prefix: "feedback-category" });
  const editor = await createMember(tenant.id, "editor");
  await signInToDashboard(page, editor.email);
  await page.goto(`/dashboard/${tenant.subdomain}/content/categories/new`);
  const title = page.getByLabel("Title", { exact: true });
  const slug = page.getByLabel("Slug", { exact: true });

  await setValue(page.getByLabel("Description", { exact: true }), "Bad\u0000byte");
  await submit(page, "Create category");
  await expectError(page, "description", "NUL");
  await expectError(page, "slug", "Enter a slug");
  await page.getByLabel("Description", { exact: true }).fill("Invoices and plans");
  await expectNoError(page, "description");
  await expectError(page, "slug", "Enter a slug");
  await title.fill("Plans");
  await expect(slug).toHaveValue("plans");
  await expectNoError(page, "slug");
  await expectNoError(page, "title");

  // Emptied again and sent: refused again, so the errors are back.
  await title.fill("");
  await expect(slug).toHaveValue("");
  await submit(page, "Create category");
  await expectError(page, "slug", "Enter a slug");
  await expectError(page, "title");
  await expect(title).toBeFocused();
});
