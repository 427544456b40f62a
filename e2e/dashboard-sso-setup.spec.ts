// A new admin's first SSO setup: saving settings and a secret never turns SSO on, so the page says
// SSO is off, which steps are done, and where the switch is, until it is on.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);

test("a new admin is told SSO is still off after saving, sees which setup steps are done, and the notice goes once SSO is on", async ({ page }) => {
  const tenant = await createTenant({ prefix: `setup-${randomBytes(2).toString("hex")}` });
  const admin = await createMember(tenant.id, "owner");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);

  const setup = page.getByRole("region", { name: "SSO is off" });
  await expect(setup).toContainText("every token is refused");
  const steps = setup.getByRole("listitem");
  await expect(steps).toHaveCount(3);
  for (const step of await steps.all()) await expect(step).not.toContainText("(done)");

  await page.getByLabel("Login URL", { exact: true }).fill("https://app.example.com/sso/help");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved. SSO is still off: turn it on with the switch at the top of this page")).toBeVisible();
  await expect(steps.nth(0)).toContainText("(done)");
  await expect(steps.nth(1)).not.toContainText("(done)");

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Secret generated. SSO is still off")).toBeVisible();
  await expect(steps.nth(1)).toContainText("(done)");
  await expect(steps.nth(2)).toContainText("Turn SSO on with the switch at the top of this page.");

  const sso = page.getByRole("switch", { name: "SSO" });
  await sso.click();
  await expect(sso).toHaveAttribute("aria-checked", "true");
  await expect(setup).toHaveCount(0);

  // Once on, saving says nothing about the switch.
  await page.getByLabel("Token TTL (seconds)", { exact: true }).fill("120");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved.", { exact: true })).toBeVisible();
});

test("Allowed domains refuses a wildcard over a public suffix such as *.com or *.github.io, naming the entry and why, and saves nothing", async ({ page }) => {
  const tenant = await createTenant({ prefix: `suffix-${randomBytes(2).toString("hex")}`, sso: {} });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const section = page.locator("#allowed-domains");
  const list = section.getByLabel("Allowed domains", { exact: true });
  for (const entry of ["*.com", "*.github.io"]) {
    await list.fill(`app.example.com\n${entry}`);
    await section.getByRole("button", { name: "Save allowed domains" }).click();
    await expect(section.getByText(`"${entry}" would allow every site under "${entry.slice(2)}", where anyone can register a name.`)).toBeVisible();
    await expect(list).toHaveValue(`app.example.com\n${entry}`);
  }
  expect(await sql(`SELECT allowed_domains FROM sso_configs WHERE tenant_id = $1`, [tenant.id])).toEqual([{ allowed_domains: [] }]);

  // One saved before the rule is shown with a warning beside the list (and lets nothing in: lib/data/sign-in-context.ts).
  await sql(`UPDATE sso_configs SET allowed_domains = '{app.example.com,*.com}', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
  await page.reload();
  await expect(list).toHaveAccessibleDescription(/"\*\.com" lets nothing in: a wildcard over a domain anyone can register names under is not allowed\./);
});
