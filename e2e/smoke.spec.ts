import { expect, test } from "@playwright/test";
import { createTenant } from "./support/tenants";

const categories = [
  {
    slug: "getting-started",
    title: "Getting started",
    description: "First steps with the product.",
    articles: [{ slug: "first-login", title: "Your first login", body: "Open the app and choose Sign in." }],
  },
  {
    slug: "billing",
    title: "Billing",
    articles: [{ slug: "invoices", title: "Where are my invoices?", body: "Invoices are under Settings → Billing." }],
  },
];

test("a public tenant's host shows its help-center home with its categories, and an article opens", async ({ page }) => {
  const tenant = await createTenant({ prefix: "smoke", categories });
  const response = await page.goto(`${tenant.origin}/`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(tenant.name);
  await expect(page.getByRole("link", { name: tenant.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How can we help?" })).toBeVisible();
  const list = page.getByRole("list", { name: "Categories" });
  await expect(list.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(list.getByRole("heading", { name: "Billing" })).toBeVisible();

  await page.getByRole("link", { name: "Where are my invoices?" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/articles/invoices`);
  await expect(page.getByRole("heading", { name: "Where are my invoices?" })).toBeVisible();
  await expect(page.getByText("Invoices are under Settings → Billing.")).toBeVisible();

  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/categories/billing`);
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
});

test("pages name their icon, and it is served on a help center's host and the dashboard's (no 404 per page view)", async ({ page }) => {
  const tenant = await createTenant({ prefix: "icon", categories });
  for (const origin of [tenant.origin, ""]) {
    await page.goto(`${origin}/`);
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    // Opened by the browser: Node's DNS does not resolve *.localhost.
    const icon = await page.goto(new URL(href!, page.url()).href);
    expect(icon?.status()).toBe(200);
    expect(icon?.headers()["content-type"]).toContain("image/svg+xml");
  }
});

test("one tenant's content is not reachable on another tenant's host", async ({ page }) => {
  const owner = await createTenant({ prefix: "owner", categories });
  const other = await createTenant({ prefix: "other" });
  expect((await page.goto(`${owner.origin}/articles/invoices`))?.status()).toBe(200);
  expect((await page.goto(`${other.origin}/articles/invoices`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the app host's root serves the landing page saying what Gatehouse is", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Gatehouse", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Help centers");
  await expect(page.getByText(/JWT/).first()).toBeVisible();
  // A newcomer can start one from here, not only someone who already has a dashboard.
  await expect(page.getByRole("link", { name: "Create your help center" })).toHaveAttribute("href", "/sign-up");
  await expect(page.getByRole("link", { name: "Open the dashboard" })).toHaveAttribute("href", "/dashboard");
});

test("an unknown subdomain gets the plain 404 page", async ({ page, baseURL }) => {
  const port = new URL(baseURL!).port;
  const response = await page.goto(`http://no-such-tenant-here.localhost:${port}/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("help-center pages are not served on the app host", async ({ page }) => {
  expect((await page.goto("/hc"))?.status()).toBe(404);
});

test("a private help center without SSO set up shows none of its content, and says what is missing", async ({ page }) => {
  const tenant = await createTenant({ prefix: "private", visibility: "private", categories });
  for (const path of ["/", "/articles/invoices", "/categories/billing"]) {
    const response = await page.goto(`${tenant.origin}${path}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText("sso_not_configured")).toBeVisible();
    await expect(page.getByText("Getting started")).toHaveCount(0);
    await expect(page.getByText("Invoices are under")).toHaveCount(0);
  }
});
