// At a phone's width (390 px) no page of the dashboard or the help center is wider than the screen:
// tables and code scroll inside their own box instead of making the whole page pan sideways.
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

test.use({ viewport: { width: 390, height: 844 } });

const TABLE_ARTICLE = [
  "Plans compared:",
  "",
  "| Plan | Seats | Single sign-on | Support | Data retention | Audit log |",
  "|---|---|---|---|---|---|",
  "| Starter | 3 | Not included | Community forum | 30 days | Not included |",
  "| Business | 50 | Included, JWT and SAML | Email within one working day | One year | Included |",
].join("\n");

async function expectNoSidewaysPan(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
}

test("the dashboard's pages fit a phone's width", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "phone",
    categories: [{ slug: "billing", title: "Billing", articles: [{ slug: "plans", title: "Plans and what each includes, compared side by side", body: TABLE_ARTICLE }] }],
    sso: { enabled: true, loginUrl: "https://app.example.com/login" },
  });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  const base = `/dashboard/${tenant.subdomain}`;
  for (const path of ["", "/content", "/requests", "/settings/security/sso", "/settings/logs", "/settings/audit", "/settings/members", "/settings/general"]) {
    await page.goto(`${base}${path}`);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectNoSidewaysPan(page, `${base}${path}`);
  }

  // An article's actions are on screen, not past the edge of a sideways-scrolling table.
  await page.goto(`${base}/content`);
  await expect(page.getByRole("link", { name: /^Edit article/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: /^Delete article/ })).toBeInViewport({ ratio: 1 });

  // A log row is a short stack on a phone: its IP and request ID are on screen, not past its edge.
  const requestId = `phone-${tenant.subdomain}-0f6c3a52`;
  await sqlOnce(env.TEST_DATABASE_URL!, `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, client_ip, request_id) VALUES ($1, now(), 'sso.redirect_flow.rejected', 'rejected', 'bad_signature', 'reader@example.com', '203.0.113.9', $2)`, [tenant.id, requestId]);
  await page.goto(`${base}/settings/logs`);
  // Below the chart, so judged across only: within the screen's width, with no sideways scrolling.
  for (const text of [requestId, "203.0.113.9"]) {
    const shown = await page.locator("tbody tr").first().getByText(text).boundingBox();
    expect(shown!.x).toBeGreaterThanOrEqual(0);
    expect(shown!.x + shown!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  // The menu is one row that scrolls sideways: the current page's item is brought into view.
  const current = page.getByRole("navigation", { name: "Dashboard" }).locator('[aria-current="page"]');
  await expect(current).toHaveText("Logs");
  await expect(current).toBeInViewport();

  // The rejection chart keeps labels one can read: it scrolls in its own box rather than shrinking.
  const scroller = page.getByTestId("rejection-chart-scroller");
  const axisLabel = scroller.locator("svg text").first();
  expect((await axisLabel.boundingBox())!.height).toBeGreaterThanOrEqual(9);
  // It opens on its newest end, where time runs out on the right.
  await expect
    .poll(() => scroller.evaluate((box) => box.scrollWidth > box.clientWidth && box.scrollLeft + box.clientWidth >= box.scrollWidth - 1))
    .toBe(true);

  // The shared secret keeps a usable width next to its buttons.
  await page.goto(`${base}/settings/security/sso`);
  expect((await page.getByLabel("Shared Secret", { exact: true }).boundingBox())!.width).toBeGreaterThan(250);
});

test("a help-center article with a wide table fits a phone's width; the table scrolls in its own box", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "phonehc",
    visibility: "public",
    categories: [{ slug: "billing", title: "Billing", articles: [{ slug: "plans", title: "Plans", body: TABLE_ARTICLE }] }],
  });
  await page.goto(`${tenant.origin}/articles/plans`);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Single sign-on" })).toBeAttached();
  await expectNoSidewaysPan(page, "the article page");

  await page.goto(`${tenant.origin}/articles/no-such-article`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/`);
  await expectNoSidewaysPan(page, "the home page");
});
