// UX review: every request page was titled "Request · <help center>", so a reader with several tabs
// (or their history) could not tell them apart. The title is now the subject, found through the
// same check as the page, so another user's request is titled like any missing page.
import { expect, test, type Page } from "@playwright/test";
import { customerBackend, LOGIN_URL, type TestUser } from "./support/customer-backend";
import { createTenant, type TestTenant } from "./support/tenants";

async function signInAt(page: Page, tenant: TestTenant, user: TestUser, path: string) {
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  const response = await page.goto(`${tenant.origin}${path}`);
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
  return response;
}

test("a request page is titled with its subject for its requester, and like a missing page for anyone else", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "request-title", visibility: "public", sso: { loginUrl: LOGIN_URL } });
  const subject = "Export is empty since Monday";

  await signInAt(page, tenant, { email: "alice@example.com", name: "Alice Archer" }, "/requests");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page.getByLabel("Message", { exact: true }).fill("The CSV export has headers only.");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.getByRole("link", { name: "View your request" }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(`${subject} · ${tenant.name}`);
  const requestPath = new URL(page.url()).pathname;
  expect(requestPath).toMatch(/^\/requests\/[0-9a-f-]{36}$/);

  const bobContext = await browser.newContext();
  try {
    const bob = await bobContext.newPage();
    const response = await signInAt(bob, tenant, { email: "bob@example.com", name: "Bob Baker" }, requestPath);
    expect(response?.status()).toBe(404);
    await expect(bob.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(bob).toHaveTitle(`Page not found · ${tenant.name}`);
    expect(await bob.content()).not.toContain(subject);
  } finally {
    await bobContext.close();
  }
});
