// Settings → General → Custom domain: an admin asks for a domain of their own, proves it with a
// DNS TXT record (published on the tests' DNS server, as with a DNS provider), readers sign in
// there; moving it keeps the old domain until the new one is proved; removing and moving ask first;
// all audited. Chromium resolves *.gatehouse.test to this machine (playwright.config.ts), as the
// admin's CNAME record would.
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { asNewMember, auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { publishTxtRecords } from "./support/dns";
import { getAsHost } from "./support/raw-http";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, customDomainOf, endUserSessions, pendingCustomDomainOf, setCustomDomain, testCustomDomain } from "./support/tenants";

const categories = [{ slug: "billing", title: "Billing", articles: [{ slug: "invoices", title: "Finding your invoices", body: "Open Billing." }] }];
const reader = { email: "dana@example.com", name: "Dana Reader" };
const at = (domain: string) => `http://${domain}:${env.E2E_PORT}`;

async function saveDomain(page: Page, value: string) {
  const section = page.getByRole("region", { name: "Custom domain" });
  await section.getByLabel("Custom domain").fill(value);
  await section.getByRole("button", { name: "Save domain" }).click();
}

/** The TXT record the page asks for, read from the page as an admin would copy it. */
async function askedRecord(page: Page, domain: string): Promise<{ name: string; value: string }> {
  const box = page.getByRole("region", { name: `Waiting for verification: ${domain}` });
  await expect(box).toBeVisible();
  const name = (await box.locator("[data-record-part=name]").textContent()) ?? "";
  const value = (await box.locator("[data-record-part=value]").textContent()) ?? "";
  return { name, value };
}

test("an admin proves a custom domain with a TXT record; readers sign in and read there; moving keeps the old domain until the new one is proved; all audited", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "domain", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  const [first, second] = [testCustomDomain(), testCustomDomain()];

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const section = page.getByRole("region", { name: "Custom domain" });
  const field = section.getByLabel("Custom domain");
  const status = section.getByTestId("custom-domain-status");
  await expect(section).toContainText(`CNAME to ${tenant.subdomain}.localhost`);
  await expect(status).toHaveText("No custom domain is served: readers use the Gatehouse address.");

  // An address under Gatehouse's own domain is refused, with what to write instead; focus goes to it.
  await saveDomain(page, `other.localhost`);
  await expect(section.getByText(/Addresses under localhost are Gatehouse's own/)).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("other.localhost");
  expect(await pendingCustomDomainOf(tenant)).toBeNull();

  // A pasted URL is reduced to its host name. Saving only asks for the domain: nothing is served
  // there until a TXT record proves it is this tenant's.
  await saveDomain(page, `https://${first.toUpperCase()}/articles/x`);
  await expect(section.getByRole("status")).toHaveText(`Saved. Add the TXT record below to prove ${first} is yours, then press Verify.`);
  const record = await askedRecord(page, first);
  expect(record.name).toBe(`_gatehouse-challenge.${first}`);
  expect(record.value).toMatch(/^gatehouse-verification=[\w-]{32}$/);
  expect(await pendingCustomDomainOf(tenant)).toBe(first);
  expect(await customDomainOf(tenant)).toBeNull();
  expect((await getAsHost(env.E2E_PORT, first, "/")).status).toBe(404);
  await page.reload();
  await expect(field).toHaveValue(first);

  // The same domain typed another way is no change: the record asked for stays the same.
  await saveDomain(page, `https://${first.toUpperCase()}/`);
  await expect(section.getByRole("status")).toHaveText("Nothing changed.");
  expect(await askedRecord(page, first)).toEqual(record);

  // A typo is pointed out before anything is saved.
  await saveDomain(page, "help example.com");
  await expect(section.getByText(/is not a domain name/)).toBeVisible();
  await expect(field).toBeFocused();

  // Verify before the record exists, then with a value of some other claim: each says what to fix.
  const verify = section.getByRole("button", { name: "Verify domain" });
  await verify.click();
  await expect(section.getByText(`There is no TXT record at ${record.name} yet.`, { exact: false })).toBeVisible();
  await publishTxtRecords(record.name, ["gatehouse-verification=from-an-earlier-attempt"]);
  await verify.click();
  await expect(section.getByText(`The TXT record at ${record.name} holds a different verification value`, { exact: false })).toBeVisible();
  expect(await customDomainOf(tenant)).toBeNull();

  await publishTxtRecords(record.name, ["v=spf1 -all", record.value]);
  await verify.click();
  await expect(section.getByRole("status")).toHaveText(`Verified. Readers can use ${first} as soon as its CNAME record points here.`);
  await expect(status).toContainText(`Served at ${first}`);
  await expect(page.getByRole("region", { name: /Waiting for verification/ })).toHaveCount(0);
  expect(await customDomainOf(tenant)).toBe(first);
  expect(await pendingCustomDomainOf(tenant)).toBeNull();

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

    // Asking for another domain changes nothing for readers yet: the first is served until the
    // second is proved.
    await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
    await saveDomain(page, second);
    const next = await askedRecord(page, second);
    expect(next.value).not.toBe(record.value);
    await expect(status).toContainText(`Served at ${first}`);
    await readerPage.reload();
    await expect(readerPage.getByRole("heading", { name: "Finding your invoices", level: 1 })).toBeVisible();

    // Verifying it moves the help center, so it asks first; Cancel checks nothing and keeps the first.
    await publishTxtRecords(next.name, [next.value]);
    await verify.click();
    const moveDialog = page.getByRole("dialog", { name: "Move the help center to the new domain?" });
    await expect(moveDialog).toContainText(`Once ${second} is verified, links to ${first} stop working, and readers signed in there have to sign in again at ${second}.`);
    await moveDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(moveDialog).toBeHidden();
    await expect(verify).toBeFocused();
    expect(await customDomainOf(tenant)).toBe(first);

    await verify.click();
    await moveDialog.getByRole("button", { name: "Verify and move" }).click();
    await expect(section.getByRole("status")).toHaveText(`Verified. Readers can use ${second} as soon as its CNAME record points here.`);
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
  await expect(status).toHaveText("No custom domain is served: readers use the Gatehouse address.");

  const actions = await auditActions(tenant.id);
  expect(actions.filter((action) => action === "tenant.custom_domain.requested")).toHaveLength(2);
  expect(actions.filter((action) => action === "tenant.custom_domain.changed")).toHaveLength(3);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  await expect(page.getByText("Changed the custom domain")).toHaveCount(3);
  await expect(page.getByText("Asked to use a custom domain")).toHaveCount(2);
});

test("a domain another help center serves is refused by name; one another help center only asked for can still be proved by its owner", async ({ page }) => {
  const owner = await createTenant({ prefix: "domain-owner", sso: { loginUrl: LOGIN_URL } });
  const squatter = await createTenant({ prefix: "domain-squat", sso: { loginUrl: LOGIN_URL } });
  const tenant = await createTenant({ prefix: "domain-taken", sso: { loginUrl: LOGIN_URL } });
  const [served, claimed] = [testCustomDomain(), testCustomDomain()];
  await setCustomDomain(owner, served);
  const admin = await createMember(tenant.id, "owner");

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  await saveDomain(page, served);
  const section = page.getByRole("region", { name: "Custom domain" });
  await expect(section.getByText(`Another help center already uses ${served}. If it is yours, remove it there first.`)).toBeVisible();
  await expect(section.getByLabel("Custom domain")).toHaveValue(served);
  expect(await pendingCustomDomainOf(tenant)).toBeNull();
  expect(await customDomainOf(owner)).toBe(served);
  expect(await auditActions(tenant.id)).not.toContain("tenant.custom_domain.requested");

  // Another help center asked for `claimed` first but never proved it: that does not stop this
  // one, which publishes its own record.
  const squatterAdmin = await createMember(squatter.id, "owner");
  const squatterContext = await page.context().browser()!.newContext();
  try {
    const squatterPage = await squatterContext.newPage();
    await signInToDashboard(squatterPage, squatterAdmin.email);
    await squatterPage.goto(`/dashboard/${squatter.subdomain}/settings/general`);
    await saveDomain(squatterPage, claimed);
    await askedRecord(squatterPage, claimed);
  } finally {
    await squatterContext.close();
  }
  await saveDomain(page, claimed);
  const record = await askedRecord(page, claimed);
  await publishTxtRecords(record.name, [record.value]);
  await section.getByRole("button", { name: "Verify domain" }).click();
  await expect(section.getByRole("status")).toHaveText(`Verified. Readers can use ${claimed} as soon as its CNAME record points here.`);
  expect(await customDomainOf(tenant)).toBe(claimed);
  expect(await customDomainOf(squatter)).toBeNull();
});

test("support and editors cannot set the custom domain: the page is 403 and so is a direct POST of the action", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "domain-roles", sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const saved = recordServerActions(page);
  const domain = testCustomDomain();
  await saveDomain(page, domain);
  const section = page.getByRole("region", { name: "Custom domain" });
  await expect(section.getByRole("status")).toContainText("Saved.");
  const record = await askedRecord(page, domain);
  await publishTxtRecords(record.name, [record.value]);
  // The Verify request, recorded on its own, without letting it through.
  let verifyRequest: import("@playwright/test").Request | undefined;
  await page.route(`**/dashboard/${tenant.subdomain}/settings/general`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      verifyRequest = route.request();
      return route.abort();
    }
    return route.continue();
  });
  await section.getByRole("button", { name: "Verify domain" }).click();
  await expect.poll(() => verifyRequest !== undefined).toBe(true);
  await page.unroute(`**/dashboard/${tenant.subdomain}/settings/general`);

  for (const role of ["support", "editor"] as const) {
    await asNewMember(browser, tenant.id, role, async (memberPage, context) => {
      expect((await memberPage.goto(`/dashboard/${tenant.subdomain}/settings/general`))?.status()).toBe(403);
      // The admin's Save, asking for a domain of the member's own: the same domain again would be
      // "Nothing changed" even if the action let them through, so this one would be a new request.
      const theirs = testCustomDomain();
      const toTheirs = (body: string) => body.replaceAll(domain, theirs);
      expect(toTheirs(saved().postData()!)).toContain(theirs);
      expect(toTheirs(saved().postData()!)).not.toContain(domain);
      expect((await replayServerAction(context.request, saved(), toTheirs)).status()).toBe(403);
      expect((await replayServerAction(context.request, verifyRequest!)).status()).toBe(403);
      // Neither replay asked for or proved anything: the admin's request is still the only one.
      expect(await customDomainOf(tenant)).toBeNull();
      expect(await pendingCustomDomainOf(tenant)).toBe(domain);
      const actions = await auditActions(tenant.id);
      expect(actions.filter((action) => action === "tenant.custom_domain.requested")).toHaveLength(1);
      expect(actions).not.toContain("tenant.custom_domain.changed");
    });
  }
});
