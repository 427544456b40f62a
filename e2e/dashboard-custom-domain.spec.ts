// Settings → General → Custom domain: an admin serves the help center at a domain of their own,
// readers sign in there, and moving or removing it asks first. Chromium resolves *.gatehouse.test
// to this machine (playwright.config.ts), as the admin's CNAME record would.
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, customDomainOf, endUserSessions, setCustomDomain, testCustomDomain } from "./support/tenants";

const categories = [{ slug: "billing", title: "Billing", articles: [{ slug: "invoices", title: "Finding your invoices", body: "Open Billing." }] }];
const reader = { email: "dana@example.com", name: "Dana Reader" };
const at = (domain: string) => `http://${domain}:${env.E2E_PORT}`;

async function saveDomain(page: Page, value: string) {
  const section = page.getByRole("region", { name: "Custom domain" });
  await section.getByLabel("Custom domain").fill(value);
  await section.getByRole("button", { name: "Save domain" }).click();
}

test("an admin sets a custom domain; readers sign in and read there; moving and removing it ask first; all audited", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "domain", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  const [first, second] = [testCustomDomain(), testCustomDomain()];

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const section = page.getByRole("region", { name: "Custom domain" });
  const field = section.getByLabel("Custom domain");
  await expect(section).toContainText(`CNAME to ${tenant.subdomain}.localhost`);

  // An address under Gatehouse's own domain is refused, with what to write instead; focus goes to it.
  await saveDomain(page, `other.localhost`);
  await expect(section.getByText(/Addresses under localhost are Gatehouse's own/)).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("other.localhost");
  expect(await customDomainOf(tenant)).toBeNull();

  // A pasted URL is reduced to its host name. Setting the first domain needs no confirmation.
  await saveDomain(page, `https://${first.toUpperCase()}/articles/x`);
  await expect(section.getByRole("status")).toHaveText(`Saved. Readers can use ${first} as soon as its DNS record points here.`);
  expect(await customDomainOf(tenant)).toBe(first);
  await page.reload();
  await expect(field).toHaveValue(first);

  // The same domain typed another way is no change: nothing to confirm, nothing saved or audited.
  await saveDomain(page, `https://${first.toUpperCase()}/`);
  await expect(section.getByRole("status")).toHaveText("Nothing changed.");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A typo is pointed out before anything is asked, even with a domain in use.
  await saveDomain(page, "help example.com");
  await expect(section.getByText(/is not a domain name/)).toBeVisible();
  await expect(field).toBeFocused();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The dashboard's link to the help center follows it.
  await page.goto(`/dashboard/${tenant.subdomain}`);
  await expect(page.getByRole("link", { name: `${at(first)}/` })).toBeVisible();

  // A reader of the private help center signs in through the customer's app and lands on the
  // custom domain, signed in there.
  const readerContext = await browser.newContext();
  try {
    const readerPage = await readerContext.newPage();
    await customerBackend.register(tenant.subdomain, { helpCenter: at(first), secret: tenant.secret!, user: reader, mode: "normal" });
    await readerPage.goto(`${at(first)}/articles/invoices`);
    await expect(readerPage).toHaveURL(`${at(first)}/articles/invoices`);
    await expect(readerPage.getByText(`Signed in as ${reader.name}`)).toBeVisible();
    await expect(readerPage.getByRole("heading", { name: "Finding your invoices", level: 1 })).toBeVisible();
    const [login] = (await customerBackend.log(tenant.subdomain)).received;
    expect(login).toMatchObject({ subdomain: tenant.subdomain, return_to: `${at(first)}/articles/invoices` });
    expect(await endUserSessions(tenant)).toHaveLength(1);

    // Moving the domain asks first; Cancel keeps it.
    await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
    await saveDomain(page, second);
    const moveDialog = page.getByRole("dialog", { name: "Change the custom domain?" });
    await expect(moveDialog).toContainText(`Links to ${first} stop working at once, and readers signed in there have to sign in again at ${second}.`);
    await moveDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(moveDialog).toBeHidden();
    await expect(section.getByRole("button", { name: "Save domain" })).toBeFocused();
    expect(await customDomainOf(tenant)).toBe(first);

    await section.getByRole("button", { name: "Save domain" }).click();
    await moveDialog.getByRole("button", { name: "Change domain" }).click();
    await expect(section.getByRole("status")).toHaveText(`Saved. Readers can use ${second} as soon as its DNS record points here.`);
    expect(await customDomainOf(tenant)).toBe(second);

    // The old address serves nothing now. At the new one the reader signs in again (a session
    // cookie belongs to one host), through the customer's app, which now sends tokens there.
    expect((await readerPage.goto(`${at(first)}/articles/invoices`))?.status()).toBe(404);
    await customerBackend.register(tenant.subdomain, { helpCenter: at(second), secret: tenant.secret!, user: reader, mode: "normal" });
    await readerPage.goto(`${at(second)}/articles/invoices`);
    await expect(readerPage).toHaveURL(`${at(second)}/articles/invoices`);
    await expect(readerPage.getByText(`Signed in as ${reader.name}`)).toBeVisible();
    expect(await endUserSessions(tenant)).toHaveLength(2);
  } finally {
    await readerContext.close();
  }

  // Removing it asks too; afterwards the help center is at its Gatehouse address only.
  await saveDomain(page, "");
  const removeDialog = page.getByRole("dialog", { name: "Remove the custom domain?" });
  await expect(removeDialog).toContainText(`Links to ${second} stop working at once`);
  await removeDialog.getByRole("button", { name: "Remove domain" }).click();
  await expect(section.getByRole("status")).toHaveText("Removed. The help center is at its Gatehouse address only.");
  expect(await customDomainOf(tenant)).toBeNull();

  expect((await auditActions(tenant.id)).filter((action) => action === "tenant.custom_domain.changed")).toHaveLength(3);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  await expect(page.getByText("Changed the custom domain")).toHaveCount(3);
});

test("a domain another help center uses is refused by name, and nothing changes", async ({ page }) => {
  const owner = await createTenant({ prefix: "domain-owner", sso: { loginUrl: LOGIN_URL } });
  const tenant = await createTenant({ prefix: "domain-taken", sso: { loginUrl: LOGIN_URL } });
  const domain = testCustomDomain();
  await setCustomDomain(owner, domain);
  const admin = await createMember(tenant.id, "owner");

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  await saveDomain(page, domain);
  const section = page.getByRole("region", { name: "Custom domain" });
  await expect(section.getByText(`Another help center already uses ${domain}. If it is yours, remove it there first.`)).toBeVisible();
  await expect(section.getByLabel("Custom domain")).toHaveValue(domain);
  expect(await customDomainOf(tenant)).toBeNull();
  expect(await customDomainOf(owner)).toBe(domain);
  expect(await auditActions(tenant.id)).not.toContain("tenant.custom_domain.changed");
});

test("support and editors cannot set the custom domain: the page is 403 and so is a direct POST of the action", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "domain-roles", sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const saved = recordServerActions(page);
  await saveDomain(page, testCustomDomain());
  await expect(page.getByRole("region", { name: "Custom domain" }).getByRole("status")).toContainText("Saved.");
  await setCustomDomain(tenant, null);

  for (const role of ["support", "editor"] as const) {
    const member = await createMember(tenant.id, role);
    const context = await browser.newContext();
    try {
      const memberPage = await context.newPage();
      await signInToDashboard(memberPage, member.email);
      expect((await memberPage.goto(`/dashboard/${tenant.subdomain}/settings/general`))?.status()).toBe(403);
      expect((await replayServerAction(context.request, saved())).status()).toBe(403);
    } finally {
      await context.close();
    }
  }
  expect(await customDomainOf(tenant)).toBeNull();
  expect((await auditActions(tenant.id)).filter((action) => action === "tenant.custom_domain.changed")).toHaveLength(1);
});
