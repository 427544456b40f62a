// The JWT cookie flow (hc_jwt), /sso/jwt?forward=, and "Only accept sign-ins from these domains"
// (origin_not_allowed), in Chromium against the production build.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { customerBackend, LOGIN_URL, mintCookieToken, mintToken, mintWidgetToken } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { getAsHost } from "./support/raw-http";
import { createTenant, endSessionsEarly, endUserSessions, ssoEvents, type TestCategory, type TestSsoConfig } from "./support/tenants";

const categories: TestCategory[] = [
  { slug: "account", title: "Account", articles: [{ slug: "reset-password", title: "Resetting your password", body: "Choose Forgot password." }] },
];
const user = { email: "grace@example.com", name: "Grace Hopper", external_id: "cust-42" };

async function setJwtCookie(context: BrowserContext, origin: string, token: string) {
  // The tenant's app sets it on the parent domain; for the help-center host that is the same
  // cookie as a host cookie, which is what the browser sends either way.
  await context.addCookies([{ name: "hc_jwt", value: token, url: origin }]);
}

function cookieFlowHits(page: Page): string[] {
  const hits: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/sso/cookie") hits.push(request.url());
  });
  return hits;
}

test("hc_jwt cookie: a private help center page opens signed in, without a Login URL round trip, and later pages skip the flow", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "cookie", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  const hits = cookieFlowHits(page);

  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page).toHaveURL(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();
  expect(hits).toHaveLength(1);
  expect(await customerBackend.log(tenant.subdomain)).toMatchObject({ received: [] });

  const sessions = await endUserSessions(tenant);
  expect(sessions).toEqual([expect.objectContaining({ email: user.email })]);
  const signIns = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.login.succeeded");
  expect(signIns).toEqual([expect.objectContaining({ details: expect.objectContaining({ via: "hc_jwt_cookie" }) })]);

  // A re-minted cookie for the same person (the app refreshes it) does not restart the session.
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  await page.goto(`${tenant.origin}/`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  expect(hits).toHaveLength(1);
  expect(await endUserSessions(tenant)).toHaveLength(1);
});

test("hc_jwt cookie: after an admin ends the session early, the next page load signs the same person in from the cookie again; Sign out still sticks", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "cookie-resume", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  const hits = cookieFlowHits(page);
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  expect(hits).toHaveLength(1);

  // Sign everyone out (or Suspend, or People → Sign out everywhere) revokes the session row; the
  // browser still holds its session cookie and the marker naming Grace as the cookie's holder.
  await endSessionsEarly(tenant);
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page).toHaveURL(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  expect(hits).toHaveLength(2);
  const sessions = await endUserSessions(tenant);
  expect(sessions.map((session) => session.revoked_at === null)).toEqual([false, true]);

  // Signing out is the visitor's own choice: the cookie does not sign them straight back in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Signed in as Grace Hopper")).toHaveCount(0);
  expect(hits).toHaveLength(2);
  expect((await endUserSessions(tenant)).filter((session) => session.revoked_at === null)).toHaveLength(0);
});

test("hc_jwt cookie: a speculative prefetch or prerender of a page is not sent through /sso/cookie; the page load that follows is", async () => {
  const tenant = await createTenant({ prefix: "cookie-prefetch", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  const port = Number(new URL(tenant.origin).port);
  const host = `${tenant.subdomain}.localhost`;
  const cookie = `hc_jwt=${mintCookieToken(tenant.secret!, user)}`;
  const document = { Cookie: cookie, "Sec-Fetch-Dest": "document", "Sec-Fetch-Mode": "navigate" };

  const purposes: Record<string, string>[] = [{ "Sec-Purpose": "prefetch" }, { "Sec-Purpose": "prefetch;prerender" }, { Purpose: "prefetch" }];
  for (const purpose of purposes) {
    const speculative = await getAsHost(port, host, "/articles/reset-password", { ...document, ...purpose });
    expect(speculative.status, JSON.stringify(purpose)).toBe(200);
    expect(speculative.body).toContain("Resetting your password");
  }
  expect(await endUserSessions(tenant)).toHaveLength(0);
  expect(await ssoEvents(tenant)).toHaveLength(0);

  const load = await getAsHost(port, host, "/articles/reset-password", document);
  expect(load.status).toBe(303);
  // The framework writes a same-origin Location relative to the request.
  expect(new URL(load.location ?? "", tenant.origin).href).toBe(`${tenant.origin}/sso/cookie?return_to=%2Farticles%2Freset-password`);
});

test("hc_jwt cookie refused (a widget token, from page scripts, never starts a session): the reason is shown once with a way on, logged, and never loops", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "cookiebad", visibility: "public", categories, sso: {} });
  await setJwtCookie(context, tenant.origin, mintWidgetToken(tenant.secret!, user));
  const hits = cookieFlowHits(page);

  const response = await page.goto(`${tenant.origin}/articles/reset-password`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: /^We could not sign you in to / })).toBeVisible();
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("token_kind_mismatch");
  await page.getByRole("link", { name: "Continue to the help center" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();
  expect(hits).toHaveLength(1);

  const rejected = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.cookie_flow.rejected");
  expect(rejected).toEqual([expect.objectContaining({ reason_code: "token_kind_mismatch", email: user.email })]);
  expect(await endUserSessions(tenant)).toHaveLength(0);
});

test("hc_jwt cookie refused: someone else's ends the session of whoever is signed in (a shared computer); the same person's aged cookie leaves theirs alone", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "cookie-switch", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();

  // Grace's own cookie, expired (her app was closed), and looked at afresh (no marker): she stays.
  const now = Math.floor(Date.now() / 1000);
  await context.clearCookies({ name: /hc_jwt_seen$/ });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user, { iat: now - 3600, exp: now - 600 }));
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
  expect((await endUserSessions(tenant)).filter((session) => session.revoked_at === null)).toHaveLength(1);

  // The app's user is now Alan, whose token fails (signed with a wrong secret): Grace's session ends.
  await setJwtCookie(context, tenant.origin, mintCookieToken("not the tenant's secret, long enough to sign", { email: "alan@example.com", name: "Alan Turing" }));
  const response = await page.goto(`${tenant.origin}/articles/reset-password`);
  expect(response?.status()).toBe(401);
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("bad_signature");
  await page.getByRole("link", { name: "Continue to the help center" }).click();
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Signed in as Grace Hopper")).toHaveCount(0);

  expect((await endUserSessions(tenant)).filter((session) => session.revoked_at === null)).toHaveLength(0);
  const events = await ssoEvents(tenant);
  expect(events.filter((event) => event.event_type === "sso.logout")).toEqual([
    expect.objectContaining({ email: user.email, details: expect.objectContaining({ cause: "hc_jwt_named_someone_else" }) }),
  ]);
  expect(events.filter((event) => event.event_type === "sso.cookie_flow.rejected").map((event) => event.reason_code).sort()).toEqual(["bad_signature", "token_expired"]);
});

test("hc_jwt cookie refused where sign-ins must start at the help center (key_required); a redirect token is the wrong kind", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "cookiekey", visibility: "public", categories, sso: { requireRedirectKey: true } });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  const response = await page.goto(`${tenant.origin}/articles/reset-password`);
  expect(response?.status()).toBe(403);
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("key_required");

  const other = await createTenant({ prefix: "cookieredir", visibility: "public", categories, sso: {} });
  await setJwtCookie(context, other.origin, mintToken(other.secret!, user));
  await page.goto(`${other.origin}/articles/reset-password`);
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("token_kind_mismatch");
  expect(await endUserSessions(tenant)).toHaveLength(0);
  expect(await endUserSessions(other)).toHaveLength(0);
});

test("/sso/jwt?forward= lands on that help-center page; a foreign forward target lands on the home page", async ({ page }) => {
  const tenant = await createTenant({ prefix: "forward", visibility: "private", categories, sso: {} });
  await page.goto(`${tenant.origin}/sso/jwt?jwt=${mintToken(tenant.secret!, user)}&forward=${encodeURIComponent("/articles/reset-password")}`);
  await expect(page).toHaveURL(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();

  await page.goto(`${tenant.origin}/sso/jwt?jwt=${mintToken(tenant.secret!, user)}&forward=${encodeURIComponent("https://evil.example/phish")}`);
  await expect(page).toHaveURL(`${tenant.origin}/`);
});

async function restrictedTenant(prefix: string, sso: TestSsoConfig) {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso: { loginUrl: LOGIN_URL, restrictSignInOrigins: true, ...sso } });
  // post-form: the Login URL page POSTs the token from its own origin (http://127.0.0.1:3199).
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "post-form" });
  return tenant;
}

test("only accept sign-ins from these domains: the Login URL's site is on the list → signed in", async ({ page }) => {
  const tenant = await restrictedTenant("origin-ok", { allowedDomains: ["127.0.0.1"] });
  await page.goto(`${tenant.origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();
});

test("only accept sign-ins from these domains: a sign-in posted from another site is refused with origin_not_allowed (403), logged", async ({ page }) => {
  const tenant = await restrictedTenant("origin-no", { allowedDomains: ["app.example.com"] });
  const response = page.waitForResponse((r) => r.url().startsWith(`${tenant.origin}/sso/jwt`));
  await page.goto(`${tenant.origin}/articles/reset-password`);
  expect((await response).status()).toBe(403);
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("origin_not_allowed");
  await expect(page.getByText("this request came from somewhere else")).toBeVisible();
  const rejected = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.redirect_flow.rejected");
  expect(rejected).toEqual([expect.objectContaining({ reason_code: "origin_not_allowed", details: expect.objectContaining({ detail: "Origin: 127.0.0.1, Referer: 127.0.0.1" }) })]);
  expect(await endUserSessions(tenant)).toHaveLength(0);

  // Support staff, who cannot open the SSO settings, read in the log which site it came from.
  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs/${rejected[0]!.id}`);
  await expect(page.getByRole("region", { name: "What happened" })).toContainText("The request came with Origin: 127.0.0.1, Referer: 127.0.0.1;");
});

test("only accept sign-ins from these domains: the hc_jwt cookie flow is refused too when the visitor arrives from another site", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "origin-cookie", visibility: "public", categories, sso: { restrictSignInOrigins: true, allowedDomains: ["app.example.com"] } });
  await setJwtCookie(context, tenant.origin, mintCookieToken(tenant.secret!, user));
  await page.goto(`${tenant.origin}/articles/reset-password`, { referer: "https://elsewhere.example/page" });
  await expect(page.locator("dt:text-is('Reason') + dd")).toHaveText("origin_not_allowed");
  expect(await endUserSessions(tenant)).toHaveLength(0);
});
