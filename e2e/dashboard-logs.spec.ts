// Support staff find why a customer could not sign in: filter, search, page through.
import { expect, test } from "@playwright/test";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";
import pg from "pg";
import { env } from "@/lib/env";

test("support filters the logs by reason, searches a request id and pages with links that keep the filters", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs" });
  const support = await createMember(tenant.id, "support");
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  const base = Date.now() - 3600_000;
  for (let i = 0; i < 60; i += 1) {
    await client.query(
      `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, request_id) VALUES ($1, $2, 'sso.redirect_flow.rejected', 'rejected', $3, $4, $5)`,
      [tenant.id, new Date(base + i * 1000), i % 3 === 0 ? "iat_in_future" : "bad_signature", `c${i}@example.com`, `rq-${tenant.subdomain}-${i}`],
    );
  }
  await client.end();

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  await page.getByLabel("Reason", { exact: true }).selectOption("iat_in_future");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/reason=iat_in_future/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(`rq-${tenant.subdomain}-57`);

  // 60 events unfiltered: page 1 has 50, "Older events" keeps the filter-free URL and shows the rest.
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  await expect(rows).toHaveCount(50);
  const results = page.getByRole("region", { name: "Sign-in events" });
  await expect(results).not.toBeFocused();
  await page.getByRole("link", { name: "Older events" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(10);
  await expect(rows.last()).toContainText(`rq-${tenant.subdomain}-0`);
  // Focus moves to the new page's events (the link clicked is gone), below the chart.
  await expect(results).toBeFocused();

  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs?q=rq-${tenant.subdomain}-42`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("c42@example.com");
});

test("at 1280 px the events table fits its box: long emails and request ids wrap instead of running out of sight", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const tenant = await createTenant({ prefix: "logswide" });
  const support = await createMember(tenant.id, "support");
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  const requestId = "0f8e6a52-3c1d-4b7e-9a6f-2d5c8b1e7a90";
  const email = "a.rather.long.customer.address.for.testing@subsidiary.example-corporation.com";
  await client.query(
    `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, client_ip, request_id)
     VALUES ($1, now(), 'sso.redirect_flow.rejected', 'rejected', 'audience_mismatch', $2, '2001:db8:85a3::8a2e:370:7334', $3)`,
    [tenant.id, email, requestId],
  );
  await client.end();

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  const table = page.getByRole("table");
  await expect(table.getByText(requestId)).toBeVisible();
  const box = table.locator("xpath=..");
  expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
});

test("the overview's count of rejected sign-ins opens the logs showing exactly those rejections", async ({ page }) => {
  const tenant = await createTenant({ prefix: "overview" });
  const support = await createMember(tenant.id, "support");
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  const at = new Date(Date.now() - 600_000);
  const insert = (type: string, outcome: string, reason: string | null, requestId: string, repeat = 1) =>
    client.query(
      `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, request_id, repeat_count) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenant.id, at, type, outcome, reason, `${requestId}-${tenant.subdomain}`, repeat],
    );
  await insert("sso.redirect_flow.rejected", "rejected", "bad_signature", "redirect", 3); // a folded row: 3 refusals
  await insert("widget_jwt.rejected", "rejected", "token_too_old", "widget");
  await insert("sso.cookie_flow.rejected", "rejected", "token_expired", "cookie");
  await insert("sso.login.succeeded", "success", null, "success");
  await client.end();

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}`);
  const count = page.getByRole("link", { name: "5", exact: true });
  await expect(count).toBeVisible();
  await count.click();
  await expect(page).toHaveURL(/type=rejected/);
  await expect(page.getByTestId("rejection-total")).toHaveText("5");
  await expect(page.locator("tbody tr")).toHaveCount(3); // every kind of rejection, and no success
  await expect(page.getByLabel("Event", { exact: true })).toHaveValue("rejected");
  await expect(page.getByLabel("Event", { exact: true }).locator("option:checked")).toHaveText("Any rejection");
});

test("on a phone an event's page fits the screen: a full IPv6 address and a long email wrap", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-phone" });
  const support = await createMember(tenant.id, "support");
  const email = "a.rather.long.customer.address.for.testing@subsidiary.example-corporation.com";
  const ip = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, client_ip, request_id)
     VALUES ($1, now(), 'sso.redirect_flow.rejected', 'rejected', 'bad_signature', $2, $3, 'rq-phone') RETURNING id::text AS id`,
    [tenant.id, email, ip],
  );
  await client.end();

  await page.setViewportSize({ width: 390, height: 844 });
  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs/${rows[0]!.id}`);
  await expect(page.getByRole("heading", { name: `Other recent events of ${email}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const shown = (await page.getByText(ip, { exact: true }).boundingBox())!;
  expect(shown.x + shown.width).toBeLessThanOrEqual(390);
});
