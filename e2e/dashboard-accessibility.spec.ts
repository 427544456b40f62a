// The SSO settings page works with a keyboard and a screen reader: axe finds no violations, every
// field has a label, and the Regenerate dialog holds and returns focus.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant, setCustomDomain, testCustomDomain } from "./support/tenants";

test("Settings → Security → SSO: no axe violations, labelled fields, keyboard-operable confirm dialog", async ({ page }) => {
  const tenant = await createTenant({ prefix: "a11y", sso: { enabled: true, loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  for (const label of ["Login URL", "Shared Secret", "Logout URL", "Issuer", "Audience", "Token TTL (seconds)", "Clock skew leeway (seconds)", "Only accept sign-ins that start at the help center"]) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }

  // Keyboard only: focus Regenerate, open with Enter, focus moves into the dialog, Escape closes
  // it and focus returns to the button.
  const regenerate = page.getByRole("button", { name: "Regenerate" });
  await regenerate.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Regenerate the shared secret?" });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Tab");
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(regenerate).toBeFocused();
});

test("the dashboard's first Tab stop skips the menu to the page itself", async ({ page }) => {
  const tenant = await createTenant({ prefix: "skip" });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();
  // The next Tab lands inside the page, not back in the menu.
  await page.keyboard.press("Tab");
  expect(await page.locator("main#content").evaluate((main) => main.contains(document.activeElement))).toBe(true);
});

test("Settings → General: no axe violations, with a custom domain set, another waiting for verification, and while a confirmation is open", async ({ page }) => {
  const tenant = await createTenant({ prefix: "a11y-general" });
  await setCustomDomain(tenant, testCustomDomain());
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);

  const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect((await axe()).violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  const section = page.getByRole("region", { name: "Custom domain" });
  // A new domain waiting for verification: the TXT record to publish and Verify.
  await section.getByLabel("Custom domain").fill(testCustomDomain());
  await section.getByRole("button", { name: "Save domain" }).click();
  await expect(page.getByRole("region", { name: /Waiting for verification/ })).toBeVisible();
  expect((await axe()).violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await section.getByLabel("Custom domain").fill("");
  await section.getByRole("button", { name: "Save domain" }).click();
  await expect(page.getByRole("dialog", { name: "Remove the custom domain?" })).toBeVisible();
  expect((await axe()).violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
