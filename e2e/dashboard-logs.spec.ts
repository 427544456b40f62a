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
  await page.getByRole("link", { name: "Older events" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(10);
  await expect(rows.last()).toContainText(`rq-${tenant.subdomain}-0`);

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
