// One address with too many unfinished sign-ins at a help center: the visitor is told what failed
// and what to do instead of being sent to the Login URL, support reads why in Logs, and the
// visitor gets in with Try again once a place is free.
import { expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { REASONS } from "@/lib/sso/reasons";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { addOpenSignInStarts, createTenant, expireOldestOpenSignInStart, ssoEvents } from "./support/tenants";

// The e2e server runs with the default limit; Chromium reaches it from loopback (IPv4 or IPv6).
const LIMIT = 100;
const LOOPBACK = ["127.0.0.1", "::1"];
const categories = [{ slug: "start", title: "Start", articles: [{ slug: "welcome", title: "Welcome aboard", body: "Hello." }] }];
const reader = { email: "nora@example.com", name: "Nora Reader" };

test("too_many_sign_in_starts: a 429 page instead of the Login URL, logged and explained to support; Try again works once a start expires", async ({ page, browser }) => {
  expect(env.SIGN_IN_STARTS_PER_ADDRESS).toBe(LIMIT);
  const tenant = await createTenant({ prefix: "starts", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode: "normal" });
  await addOpenSignInStarts(tenant, LOOPBACK, LIMIT);

  const response = await page.goto(`${tenant.origin}/articles/welcome`);
  expect(response?.status()).toBe(429);
  await expect(page.getByRole("heading", { name: /^We could not sign you in to / })).toBeVisible();
  await expect(page.getByText(REASONS.too_many_sign_in_starts.title)).toBeVisible();
  await expect(page.getByText("Wait a few minutes, then press Try again.")).toBeVisible();
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("too_many_sign_in_starts");
  expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(0);

  const [event] = (await ssoEvents(tenant)).filter((row) => row.reason_code === "too_many_sign_in_starts");
  expect(event).toMatchObject({ event_type: "sso.redirect_flow.rejected", outcome: "rejected" });
  expect(LOOPBACK).toContain(event!.client_ip);

  // Support reads why on the event's page.
  const support = await createMember(tenant.id, "support");
  const supportContext = await browser.newContext();
  try {
    const supportPage = await supportContext.newPage();
    await signInToDashboard(supportPage, support.email);
    await supportPage.goto(`/dashboard/${tenant.subdomain}/settings/logs/${String(event!.id)}`);
    await expect(supportPage.getByRole("heading", { level: 1 })).toContainText("too_many_sign_in_starts");
    const whatHappened = supportPage.getByRole("region", { name: "What happened" });
    await expect(whatHappened).toContainText("Failed check: Not too many unfinished sign-ins started from one address");
    await expect(whatHappened).toContainText(`How to fix it: ${REASONS.too_many_sign_in_starts.ownerHint}`);
  } finally {
    await supportContext.close();
  }

  // Ten minutes on, one of the old starts has expired: Try again goes through the Login URL and in.
  await expireOldestOpenSignInStart(tenant);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/articles/welcome`);
  await expect(page.getByText(`Signed in as ${reader.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Welcome aboard", level: 1 })).toBeVisible();
});
