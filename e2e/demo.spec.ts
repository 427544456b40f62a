// The journey README's "Try the sign-in flow" promises: the seeded private demo tenant, signed in
// through the demo Login URL Gatehouse serves itself.
import { expect, test } from "@playwright/test";

test("the demo tenant signs a visitor in through the built-in demo Login URL", async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  const helpCenter = `http://acme.localhost:${port}`;

  await page.goto(`${helpCenter}/articles/change-your-plan`);
  await expect(page).toHaveURL(/\/demo\/login\?subdomain=acme&key=[A-Za-z0-9_-]{32}&return_to=/);
  await expect(page.getByRole("heading", { name: "Sign in to Acme" })).toBeVisible();

  await page.getByLabel("Email").fill("grace@acme.test");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByRole("button", { name: "Sign in to Acme" }).click();

  await expect(page).toHaveURL(`${helpCenter}/articles/change-your-plan`);
  await expect(page.getByText("Signed in as")).toContainText("Grace Hopper");
  await expect(page.getByRole("heading", { name: "Change your plan" })).toBeVisible();
  // The body is Markdown: rendered, not shown as asterisks.
  await expect(page.locator("strong", { hasText: "Settings → Billing" })).toBeVisible();

  await page.goto(`${helpCenter}/`);
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
});

test("the demo Login URL shows field errors from its schema and keeps the visitor on the page", async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  await page.goto(`http://acme.localhost:${port}/`);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByRole("button", { name: "Sign in to Acme" }).click();
  await expect(page.getByText("Enter an email address")).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/login/);
  // What was typed stays, so it can be corrected rather than typed again.
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Name")).toHaveValue("Grace Hopper");
});
