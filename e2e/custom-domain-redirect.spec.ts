// Settings → General → Custom domain → "Send readers who open <Gatehouse address> to <domain>": once
// on, old links to the Gatehouse address, sign-ins started there and tokens a customer's backend
// still sends there all end on the custom domain, where the reader's one session lives. Off, both
// addresses serve again. Chromium resolves *.gatehouse.test to this machine (playwright.config.ts).
import { expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { asNewMember, auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { getAsHost } from "./support/raw-http";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, endUserSessions, setCustomDomain, testCustomDomain, type TestTenant } from "./support/tenants";

const categories = [{ slug: "billing", title: "Billing", articles: [{ slug: "invoices", title: "Finding your invoices", body: "Open Billing." }] }];
const reader = { email: "rowan@example.com", name: "Rowan Reader" };
const at = (domain: string) => `http://${domain}:${env.E2E_PORT}`;
const gatehouseHost = (tenant: TestTenant) => `${tenant.subdomain}.localhost:${env.E2E_PORT}`;

test("an admin sends readers to the custom domain: old links, sign-ins and tokens sent to the Gatehouse address all end there, signed in once; off again, both addresses serve", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "redirect", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  const domain = testCustomDomain();
  await setCustomDomain(tenant, domain);

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const section = page.getByRole("region", { name: "Custom domain" });
  const status = section.getByTestId("custom-domain-status");
  const form = section.getByRole("form", { name: "Readers at the Gatehouse address" });
  const redirect = form.getByLabel(`Send readers who open ${gatehouseHost(tenant)} to ${domain}`);
  await expect(status).toHaveText(`Served at ${domain} as well as the Gatehouse address.`);
  await expect(redirect).not.toBeChecked();
  // The admin can check the domain opens the help center before sending anyone there.
  await expect(form.getByRole("link", { name: domain })).toHaveAttribute("href", at(domain));

  await redirect.check();
  const save = form.getByRole("button", { name: "Save redirect" });
  await save.click();
  await expect(form.getByRole("status")).toHaveText(`Saved. Readers who open the Gatehouse address are sent to ${domain}.`);
  await expect(status).toHaveText(`Served at ${domain}. Readers who open the Gatehouse address are sent there.`);
  await page.reload();
  await expect(redirect).toBeChecked();

  // A page of the Gatehouse address answers with a temporary redirect to the same page there.
  const hop = await getAsHost(env.E2E_PORT, `${tenant.subdomain}.localhost`, "/search?q=invoices");
  expect(hop.status).toBe(307);
  expect(hop.location).toBe(`${at(domain)}/search?q=invoices`);

  const readerContext = await browser.newContext();
  try {
    const readerPage = await readerContext.newPage();
    // A customer's backend set up before the domain: it still sends tokens to the Gatehouse address.
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode: "normal" });
    await readerPage.goto(`${tenant.origin}/articles/invoices`);
    await expect(readerPage).toHaveURL(`${at(domain)}/articles/invoices`);
    await expect(readerPage.getByText(`Signed in as ${reader.name}`)).toBeVisible();
    await expect(readerPage.getByRole("heading", { name: "Finding your invoices", level: 1 })).toBeVisible();
    const [login] = (await customerBackend.log(tenant.subdomain)).received;
    expect(login).toMatchObject({ subdomain: tenant.subdomain, return_to: `${at(domain)}/articles/invoices` });

    // An old link to the Gatehouse address finds the reader still signed in: no second sign-in.
    await readerPage.goto(`${tenant.origin}/categories/billing`);
    await expect(readerPage).toHaveURL(`${at(domain)}/categories/billing`);
    await expect(readerPage.getByText(`Signed in as ${reader.name}`)).toBeVisible();
    expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(1);
    expect(await endUserSessions(tenant)).toHaveLength(1);

    // The customer's app still signs people out at the Gatehouse address: the session on the
    // custom domain ends too, and the reader lands signed out there.
    await readerPage.goto(`${tenant.origin}/sso/logout`);
    await expect(readerPage).toHaveURL(`${at(domain)}/signed-out`);
    await expect(readerPage.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    expect((await endUserSessions(tenant)).map((session) => session.revoked_at)).toEqual([expect.any(Date)]);

    // Off again: the Gatehouse address serves its own pages, with its own sign-in.
    await redirect.uncheck();
    await save.click();
    await expect(form.getByRole("status")).toHaveText("Saved. Readers can use either address again.");
    await expect(status).toHaveText(`Served at ${domain} as well as the Gatehouse address.`);
    await readerPage.goto(`${tenant.origin}/articles/invoices`);
    await expect(readerPage).toHaveURL(`${tenant.origin}/articles/invoices`);
    await expect(readerPage.getByText(`Signed in as ${reader.name}`)).toBeVisible();
    expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(2);
    expect(await endUserSessions(tenant)).toHaveLength(2);
  } finally {
    await readerContext.close();
  }

  const actions = await auditActions(tenant.id);
  expect(actions.filter((action) => action === "tenant.custom_domain.redirect_changed")).toHaveLength(2);
});

test("support and editors cannot change the redirect: a direct POST of the action is 403 and changes nothing", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "redirect-roles", sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  const domain = testCustomDomain();
  await setCustomDomain(tenant, domain);
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/general`);
  const form = page.getByRole("form", { name: "Readers at the Gatehouse address" });
  const saved = recordServerActions(page);
  // The admin turns it on (the request recorded for the replays) and off again.
  const redirect = form.getByRole("checkbox");
  const save = form.getByRole("button", { name: "Save redirect" });
  await redirect.check();
  await save.click();
  await expect(form.getByRole("status")).toHaveText(`Saved. Readers who open the Gatehouse address are sent to ${domain}.`);
  await redirect.uncheck();
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Saved. Readers can use either address again.");

  for (const role of ["support", "editor"] as const) {
    await asNewMember(browser, tenant.id, role, async (_memberPage, context) => {
      expect((await replayServerAction(context.request, saved())).status()).toBe(403);
    });
  }
  const hop = await getAsHost(env.E2E_PORT, `${tenant.subdomain}.localhost`, "/");
  expect(hop.status).toBe(200);
  const actions = await auditActions(tenant.id);
  expect(actions.filter((action) => action === "tenant.custom_domain.redirect_changed")).toHaveLength(2);
});
