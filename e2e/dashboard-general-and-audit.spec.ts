// Settings → General (the help center's name, how long sign-in logs are kept) and Settings → Audit
// (who did what), walked by an owner; and revealing the shared secret, which the audit records.
import { expect, test } from "@playwright/test";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

test("an owner renames the help center and changes log retention; bad values are refused in words and kept; the audit shows who did it", async ({ page }) => {
  const tenant = await createTenant({ prefix: "general" });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);

  const name = page.getByLabel("Help center name", { exact: true });
  const retention = page.getByLabel("Keep sign-in logs for (days)", { exact: true });
  await expect(retention).toHaveValue("30");
  // The address is not a setting: text under its label, not a field that looks editable.
  await expect(page.locator("dt:text-is('Address') + dd")).toContainText(`//${tenant.subdomain}.`);
  await expect(page.getByRole("textbox", { name: "Address" })).toHaveCount(0);

  await name.fill("   ");
  await retention.fill("5000");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Name your help center.")).toBeVisible();
  await expect(page.getByText("Keep logs between 1 and 3650 days.")).toBeVisible();
  await expect(retention).toHaveValue("5000"); // what was typed stays, to be corrected

  await name.fill("Acme Support");
  await retention.fill("90");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // The new name is the dashboard's and the help center's at once.
  await expect(page.getByRole("complementary").getByRole("link", { name: "Acme Support" })).toBeVisible();
  await page.goto(tenant.origin);
  await expect(page.getByRole("banner").getByRole("link", { name: "Acme Support" })).toBeVisible();

  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  await expect(retention).toHaveValue("90");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Nothing changed.")).toBeVisible();

  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  const row = page.locator("tbody tr").filter({ hasText: "Changed general settings" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(owner.email);
  // Read as lines: each change, what it was and what it became (not the JSON it is stored as), and
  // no "Changed: Name, Log retention" above them saying it twice.
  await expect(row.getByRole("term")).toHaveText(["Name", "Log retention"]);
  await expect(row.getByRole("definition")).toHaveText([`${tenant.name} → Acme Support`, "30 days → 90 days"]);
});

test("revealing the shared secret shows it once asked, and the audit records the reveal without the secret", async ({ page }) => {
  const tenant = await createTenant({ prefix: "reveal", sso: { loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);

  const secret = page.getByLabel("Shared Secret", { exact: true });
  await expect(secret).toHaveValue(""); // the stored secret is not in the page until asked for
  expect(await page.content()).not.toContain(tenant.secret!);
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(secret).toHaveValue(tenant.secret!);
  await expect(secret).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide" }).click();
  await expect(secret).toHaveAttribute("type", "password");

  expect(await auditActions(tenant.id)).toContain("sso.secret.revealed");
  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  await expect(page.getByText("Revealed the shared secret")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(tenant.secret!);
});
