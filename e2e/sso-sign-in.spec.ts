// The JWT SSO redirect flow end to end, with a customer backend minting tokens via jsonwebtoken:
// private page → /sso/login → the tenant's Login URL → /sso/jwt → session → the page asked for.
import { expect, test, type Page } from "@playwright/test";
import { customerBackend, LOGIN_URL, mintToken, type Mode } from "./support/customer-backend";
import { createTenant, endUserSessions, ssoEvents, type TestCategory } from "./support/tenants";

const categories: TestCategory[] = [
  {
    slug: "account",
    title: "Account",
    articles: [{ slug: "reset-password", title: "Resetting your password", body: "Choose Forgot password on the sign-in page." }],
  },
];

const user = { email: "Ada.Lovelace@Example.com", name: "Ada Lovelace", external_id: "cust-1001" };

async function privateTenant(prefix: string, mode: Mode) {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode });
  return tenant;
}

async function expectSignedInOnArticle(page: Page, origin: string) {
  await expect(page).toHaveURL(`${origin}/articles/reset-password`);
  await expect(page.getByText("Signed in as Ada Lovelace")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();
  await expect(page.getByText("Choose Forgot password on the sign-in page.")).toBeVisible();
}

for (const mode of ["normal", "post-form"] as const) {
  test(`redirect flow (${mode === "normal" ? "token in the query" : "token POSTed as a form field"}): lands signed in on the article asked for`, async ({
    page,
    context,
  }) => {
    const tenant = await privateTenant(`flow-${mode}`, mode);
    const jwtResponse = page.waitForResponse((response) => response.url().startsWith(`${tenant.origin}/sso/jwt`));

    await page.goto(`${tenant.origin}/articles/reset-password`);
    await expectSignedInOnArticle(page, tenant.origin);

    // The Login URL was given the subdomain, a fresh key and the absolute page to return to.
    const log = await customerBackend.log(tenant.subdomain);
    expect(log.received).toHaveLength(1);
    expect(log.received[0]).toEqual({
      subdomain: tenant.subdomain,
      key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      return_to: `${tenant.origin}/articles/reset-password`,
    });
    const token = log.tokens[0]!;
    const signature = token.split(".")[2]!;
    expect(signature.length).toBeGreaterThan(20);

    // The session cookie: HttpOnly, SameSite=Lax, host-only.
    const response = await jwtResponse;
    // The /sso/jwt URL holds the token: never cached, never sent on as a Referer.
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.request().method()).toBe(mode === "normal" ? "GET" : "POST");
    expect(response.status()).toBe(303);
    const setCookies = (await response.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const sessionSetCookie = setCookies.find((value) => value.startsWith("gh_session="));
    expect(sessionSetCookie, setCookies.join("\n")).toBeDefined();
    expect(sessionSetCookie).toMatch(/;\s*HttpOnly/i);
    expect(sessionSetCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(sessionSetCookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(sessionSetCookie).not.toMatch(/;\s*Domain=/i);

    const cookies = await context.cookies(tenant.origin);
    const session = cookies.find((cookie) => cookie.name === "gh_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", domain: `${tenant.subdomain}.localhost`, path: "/" });
    // Host-only: a sibling tenant's host does not receive it.
    const sibling = await context.cookies(`http://other-tenant.localhost:${new URL(tenant.origin).port}/`);
    expect(sibling.find((cookie) => cookie.name === "gh_session")).toBeUndefined();

    // The log says who signed in, and holds neither the token nor the session cookie.
    const events = await ssoEvents(tenant);
    const succeeded = events.filter((event) => event.event_type === "sso.login.succeeded");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]).toMatchObject({ outcome: "success", email: "ada.lovelace@example.com", external_id: "cust-1001", jti: log.received[0]!.key });
    const eventsJson = JSON.stringify(events);
    expect(eventsJson).not.toContain(token);
    expect(eventsJson).not.toContain(signature);
    expect(eventsJson).not.toContain(session!.value);

    const sessions = await endUserSessions(tenant);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ email: "ada.lovelace@example.com", revoked_at: null });
    expect(JSON.stringify(sessions)).not.toContain(session!.value);
  });
}

test("an IdP-initiated token (jti not a key) with return_to lands on that page, without visiting the Login URL", async ({ page }) => {
  const tenant = await createTenant({ prefix: "idp", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const token = mintToken(tenant.secret!, user);
  const response = await page.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: token, return_to: "/categories/account" })}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(`${tenant.origin}/categories/account`);
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText("Signed in as Ada Lovelace")).toBeVisible();
  expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(0);
  const succeeded = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.login.succeeded");
  expect(succeeded).toHaveLength(1);
  expect(succeeded[0]!.details).toMatchObject({ viaRedirectKey: false });
});

test("a token POSTed as a form field (IdP-initiated, return_to in the form) signs the visitor in on that page", async ({ page }) => {
  const tenant = await privateTenant("idp-post", "post-form");
  const jwtRequest = page.waitForRequest((request) => request.url() === `${tenant.origin}/sso/jwt`);
  // The customer's own app starts the sign-in: its endpoint mints a token (random jti) and POSTs it.
  await page.goto(`${LOGIN_URL}?${new URLSearchParams({ subdomain: tenant.subdomain, return_to: "/articles/reset-password" })}`);
  await expectSignedInOnArticle(page, tenant.origin);
  const request = await jwtRequest;
  expect(request.method()).toBe("POST");
  expect(request.postData()).toContain("jwt=");
  const token = (await customerBackend.log(tenant.subdomain)).tokens[0]!;
  expect(JSON.stringify(await ssoEvents(tenant))).not.toContain(token.split(".")[2]);
});

test("a return_to on another origin is ignored: the visitor lands on the help-center home, signed in", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "openredir", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const offsite: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname.endsWith("evil.example")) offsite.push(request.url());
  });

  for (const returnTo of ["http://evil.example/", "//evil.example", "/\\evil.example", "https://evil.example/categories/account", "/%2F%2Fevil.example"]) {
    await context.clearCookies();
    const token = mintToken(tenant.secret!, user);
    await page.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: token, return_to: returnTo })}`);
    if (returnTo === "/%2F%2Fevil.example") {
      // Same origin, an odd path: allowed, and it stays on the help center (404 page there).
      expect(new URL(page.url()).origin, returnTo).toBe(tenant.origin);
      continue;
    }
    expect(page.url(), returnTo).toBe(`${tenant.origin}/`);
    await expect(page.getByRole("heading", { name: "How can we help?" })).toBeVisible();
    await expect(page.getByText("Signed in as Ada Lovelace")).toBeVisible();
  }
  expect(offsite).toEqual([]);
});
