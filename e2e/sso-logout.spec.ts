// /sso/logout from the header's "Sign out" button: the session ends on the server, the visitor
// lands on "You are signed out" (or the tenant's Logout URL), never straight back at the Login URL.
import { expect, test, type Page } from "@playwright/test";
import { appLogoutUrl, customerBackend, LOGGED_OUT_URL, LOGIN_URL } from "./support/customer-backend";
import { createTenant, endUserSessions, setLogoutUrl, ssoEvents, type TestSsoConfig, type TestTenant } from "./support/tenants";

const categories = [
  { slug: "account", title: "Account", articles: [{ slug: "close-account", title: "Closing your account", body: "Write to support." }] },
];
const user = { email: "grace@example.com", name: "Grace Hopper" };

async function signedIn(page: Page, prefix: string, sso: TestSsoConfig): Promise<TestTenant> {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  await page.goto(`${tenant.origin}/articles/close-account`);
  await expect(page).toHaveURL(`${tenant.origin}/articles/close-account`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  return tenant;
}

async function expectSentToLoginUrl(page: Page, tenant: TestTenant, path: string) {
  await customerBackend.setMode(tenant.subdomain, "hold");
  const before = (await customerBackend.log(tenant.subdomain)).received.length;
  await page.goto(`${tenant.origin}${path}`);
  await expect(page).toHaveURL(new RegExp(`^${LOGIN_URL.replace(/[.]/g, "\\.")}\\?`));
  await expect(page.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
  const received = (await customerBackend.log(tenant.subdomain)).received;
  expect(received).toHaveLength(before + 1);
  expect(received.at(-1)).toMatchObject({ subdomain: tenant.subdomain, return_to: `${tenant.origin}${path}` });
}

test("Sign out ends the session and shows “You are signed out”, without going back to the Login URL", async ({ page, context }) => {
  const tenant = await signedIn(page, "logout", { loginUrl: LOGIN_URL });
  const sessionCookie = (await context.cookies(tenant.origin)).find((cookie) => cookie.name === "gh_session");
  expect(sessionCookie).toBeDefined();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/signed-out`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await expect(page).toHaveTitle(`Signed out · ${tenant.name}`); // the tenant's name, not ours
  await expect(page.getByText("Signed in as")).toHaveCount(0);
  expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(1); // only the sign-in
  expect((await context.cookies(tenant.origin)).find((cookie) => cookie.name === "gh_session")).toBeUndefined();

  // Ended on the server, not just forgotten by the browser.
  const sessions = await endUserSessions(tenant);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.revoked_at).toBeInstanceOf(Date);
  expect((await ssoEvents(tenant)).filter((event) => event.event_type === "sso.logout")).toEqual([
    expect.objectContaining({ outcome: "info", email: "grace@example.com" }),
  ]);

  // The old cookie value, put back, no longer opens anything.
  await context.addCookies([{ name: "gh_session", value: sessionCookie!.value, url: tenant.origin }]);
  await expectSentToLoginUrl(page, tenant, "/articles/close-account");
});

// Exploratory test: on a public help center the header's "Sign in" and the page's "Sign in again"
// stood side by side (and the header's came back to "You are signed out" after signing in).
test("on a public help center, “You are signed out” offers one way to sign in; the header's Sign in is back on the next page", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logoutpub", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  await page.goto(`${tenant.origin}/signed-out`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await expect(page.getByRole("link", { name: /sign in/i })).toHaveText(["Sign in again"]);

  // A client-side navigation away (the header's name) shows the header's Sign in again.
  await page.getByRole("banner").getByRole("link", { name: tenant.name }).click();
  await expect(page).toHaveURL(`${tenant.origin}/`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  await page.goto(`${tenant.origin}/signed-out`);
  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
});

test("with a Logout URL configured, Sign out lands there; the help center then asks to sign in again", async ({ page }) => {
  const tenant = await signedIn(page, "logouturl", { loginUrl: LOGIN_URL, logoutUrl: LOGGED_OUT_URL });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(LOGGED_OUT_URL);
  await expect(page.getByRole("heading", { name: "You left the help center" })).toBeVisible();
  expect((await endUserSessions(tenant))[0]!.revoked_at).toBeInstanceOf(Date);

  await expectSentToLoginUrl(page, tenant, "/categories/account");
});

test("a Logout URL that sends the browser back to /sso/logout is visited once, then “You are signed out” ends the loop", async ({ page, context }) => {
  const tenant = await signedIn(page, "logoutloop", { loginUrl: LOGIN_URL });
  // The tenant's app signs its user out, then sends the browser on to the help center's sign-out.
  await setLogoutUrl(tenant, appLogoutUrl(tenant.origin));
  const visits: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) visits.push(new URL(request.url()).pathname);
  });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/signed-out`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  expect(visits).toEqual(["/sso/logout", "/app-logout", "/sso/logout", "/signed-out"]);
  expect((await endUserSessions(tenant))[0]!.revoked_at).toBeInstanceOf(Date);
  expect((await ssoEvents(tenant)).filter((event) => event.event_type === "sso.logout")).toHaveLength(1);
  // The marker is dropped once it has done its job: the next sign-out goes to the Logout URL again.
  expect((await context.cookies(tenant.origin)).map((cookie) => cookie.name)).not.toContain("gh_sso_signed_out");

  // Signed in again and out again at once: that session ends, and the Logout URL is visited as usual.
  await customerBackend.setMode(tenant.subdomain, "normal");
  await page.goto(`${tenant.origin}/articles/close-account`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  visits.length = 0;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  expect(visits).toEqual(["/sso/logout", "/app-logout", "/sso/logout", "/signed-out"]);
  expect((await endUserSessions(tenant)).every((session) => session.revoked_at instanceof Date)).toBe(true);
});

test("an image pointing at /sso/logout signs nobody out; a link to it still does", async ({ page }) => {
  const trap = { slug: "trap", title: "Looks harmless", body: "Nothing to see here.\n\n![logo](/sso/logout)" };
  const tenant = await createTenant({ prefix: "logoutimg", visibility: "private", categories: [{ ...categories[0]!, articles: [...categories[0]!.articles, trap] }], sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  await page.goto(`${tenant.origin}/articles/close-account`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();

  const imageRequest = page.waitForResponse((response) => response.url() === `${tenant.origin}/sso/logout`);
  await page.goto(`${tenant.origin}/articles/trap`);
  const answer = await imageRequest;
  expect(answer.status()).toBe(403);
  expect((await answer.request().allHeaders())["sec-fetch-dest"]).toBe("image");
  await page.reload();
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  expect((await endUserSessions(tenant))[0]!.revoked_at).toBeNull();

  // The tenant's app links here: a page load signs out as before.
  await page.goto(`${tenant.origin}/sso/logout`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  expect((await endUserSessions(tenant))[0]!.revoked_at).toBeInstanceOf(Date);
});
