// Refused sign-ins: the error page (status, reason code, request id, "Try again", never the token),
// and the one-time jwt_error bounce back to the Login URL for reasons a fresh token would fix.
import { expect, test } from "@playwright/test";
import jwt from "jsonwebtoken";
import { customerBackend, LOGIN_URL, mintToken, type Mode } from "./support/customer-backend";
import { createTenant, endUserSessions, ssoEvents, type TestSsoConfig } from "./support/tenants";
import { readErrorPage, recordNavigations } from "./support/refusal-page";

const categories = [
  { slug: "billing", title: "Billing", articles: [{ slug: "refunds", title: "Asking for a refund", body: "Refunds take five days." }] },
];
const user = { email: "linus@example.com", name: "Linus Example" };
const loginUrlPattern = new RegExp(`^${LOGIN_URL.replace(/[.]/g, "\\.")}\\?`);

async function privateTenant(prefix: string, mode: Mode, sso: TestSsoConfig = {}) {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso: { loginUrl: LOGIN_URL, ...sso } });
  await customerBackend.register(tenant.subdomain, {
    helpCenter: tenant.origin,
    secret: tenant.secret!,
    user,
    mode,
    audience: sso.audience ?? undefined,
  });
  return tenant;
}

test("a token signed with the wrong secret: 401 page with bad_signature, a request id, no token, and a working “Try again”", async ({ page }) => {
  const tenant = await privateTenant("badsig", "wrong-secret");
  const response = await page.goto(`${tenant.origin}/articles/refunds`);
  expect(response?.status()).toBe(401);
  expect(response?.url()).toMatch(new RegExp(`^${tenant.origin}/sso/jwt\\?jwt=`));
  expect(response?.headers()["cache-control"]).toBe("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");

  const shown = await readErrorPage(page);
  expect(shown.reason).toBe("bad_signature");
  expect(shown.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(shown.requestId).toBe(response?.headers()["x-request-id"]);
  await expect(page.getByText("The sign-in token's signature is not valid.")).toBeVisible();
  // A private help center's home page would only start another sign-in: Try again is the way on.
  await expect(page.getByRole("link", { name: "Continue to the help center" })).toHaveCount(0);

  const log = await customerBackend.log(tenant.subdomain);
  expect(log.received).toHaveLength(1); // bad_signature is not worth a bounce
  const token = log.tokens[0]!;
  expect(response?.url()).toContain(token); // the token the page must not repeat is the one that was sent
  const html = await page.content();
  for (const part of [token, ...token.split(".")]) expect(html).not.toContain(part);

  const rejected = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.redirect_flow.rejected");
  expect(rejected).toEqual([expect.objectContaining({ reason_code: "bad_signature", request_id: shown.requestId, email: "linus@example.com" })]);
  expect(JSON.stringify(rejected)).not.toContain(token.split(".")[2]);
  expect(await endUserSessions(tenant)).toHaveLength(0);

  // "Try again" restarts the flow at the Login URL, with a new key and the page that was wanted.
  await customerBackend.setMode(tenant.subdomain, "hold");
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(loginUrlPattern);
  const received = (await customerBackend.log(tenant.subdomain)).received;
  expect(received).toHaveLength(2);
  expect(received[1]).toMatchObject({ subdomain: tenant.subdomain, return_to: `${tenant.origin}/articles/refunds` });
  expect(received[1]!.key).not.toBe(received[0]!.key);
});

test("on a public help center, a refused sign-in's page also leads back to reading without signing in", async ({ page }) => {
  const tenant = await createTenant({ prefix: "badsig-public", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "wrong-secret" });
  await page.goto(`${tenant.origin}/articles/refunds`);
  await page.getByRole("link", { name: "Sign in" }).click();
  expect((await readErrorPage(page)).reason).toBe("bad_signature");
  await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();

  await page.getByRole("link", { name: "Continue to the help center" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/`);
  await expect(page.getByRole("link", { name: "Billing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a token carrying a key issued to another browser is refused with key_mismatch (401)", async ({ page, browser }) => {
  const tenant = await privateTenant("keymismatch", "hold");
  // The victim's browser starts a sign-in and gets a key at the Login URL.
  const victimContext = await browser.newContext();
  try {
    const victim = await victimContext.newPage();
    await victim.goto(`${tenant.origin}/articles/refunds`);
    await expect(victim).toHaveURL(loginUrlPattern);
    const victimKey = (await customerBackend.log(tenant.subdomain)).received[0]!.key!;

    // Another browser, with a sign-in of its own under way, presents a token whose jti is that key.
    await page.goto(`${tenant.origin}/articles/refunds`);
    await expect(page).toHaveURL(loginUrlPattern);
    const token = mintToken(tenant.secret!, { email: "mallory@example.com", name: "Mallory" }, { jti: victimKey });
    const response = await page.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: token })}`);
    expect(response?.status()).toBe(401);
    expect((await readErrorPage(page)).reason).toBe("key_mismatch");
    expect(await page.content()).not.toContain(token.split(".")[2]);
    expect(await endUserSessions(tenant)).toHaveLength(0);
  } finally {
    await victimContext.close();
  }
});

test("a replayed token with no Login URL configured: 401 jti_replayed page, no bounce", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "replay", visibility: "private", categories, sso: { loginUrl: null } });
  const url = `${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: mintToken(tenant.secret!, user), return_to: "/articles/refunds" })}`;

  const first = await browser.newContext();
  try {
    const firstPage = await first.newPage();
    await firstPage.goto(url);
    await expect(firstPage).toHaveURL(`${tenant.origin}/articles/refunds`);
    await expect(firstPage.getByText("Signed in as Linus Example")).toBeVisible();
  } finally {
    await first.close();
  }

  const navigations = recordNavigations(page);
  const response = await page.goto(url);
  expect(response?.status()).toBe(401);
  expect(navigations.map((n) => n.status)).toEqual([401]);
  expect((await readErrorPage(page)).reason).toBe("jti_replayed");
  await expect(page.getByText("This sign-in link was already used.")).toBeVisible();
  expect(await endUserSessions(tenant)).toHaveLength(1);
});

test("an expired token bounces once to the Login URL with jwt_error, from_url, expected_aud and a new key; the second failure shows the page; a good token then works", async ({
  page,
}) => {
  const audience = "https://help.example.test/audience";
  const tenant = await privateTenant("bounce", "expired", { audience, tokenTtlSeconds: 300 });
  const navigations = recordNavigations(page);

  const response = await page.goto(`${tenant.origin}/articles/refunds`);
  expect(response?.status()).toBe(401);
  expect((await readErrorPage(page)).reason).toBe("token_expired");

  const { received, tokens } = await customerBackend.log(tenant.subdomain);
  expect(received).toHaveLength(2); // the first trip and exactly one bounce: no loop
  expect(received[0]).toEqual({ subdomain: tenant.subdomain, key: expect.any(String), return_to: `${tenant.origin}/articles/refunds` });
  expect(received[1]).toEqual({
    subdomain: tenant.subdomain,
    key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    return_to: `${tenant.origin}/articles/refunds`,
    jwt_error: "token_expired",
    from_url: `${tenant.origin}/articles/refunds`,
    expected_aud: audience,
  });
  expect(received[1]!.key).not.toBe(received[0]!.key);
  // The tokens really were expired and aimed at the audience.
  const claims = JSON.parse(Buffer.from(tokens[0]!.split(".")[1]!, "base64url").toString("utf8")) as { exp: number; aud: string };
  expect(claims.exp).toBeLessThan(Date.now() / 1000);
  expect(claims.aud).toBe(audience);

  const jwtStatuses = navigations.filter((n) => n.url.startsWith(`${tenant.origin}/sso/jwt`)).map((n) => n.status);
  expect(jwtStatuses).toEqual([303, 401]);
  const rejected = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.redirect_flow.rejected");
  expect(rejected.map((event) => event.reason_code)).toEqual(["token_expired", "token_expired"]);

  // The customer fixes their clock: "Try again" now signs in and lands on the article.
  await customerBackend.setMode(tenant.subdomain, "normal");
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/articles/refunds`);
  await expect(page.getByText("Signed in as Linus Example")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Asking for a refund" })).toBeVisible();
  const after = (await customerBackend.log(tenant.subdomain)).received;
  expect(after).toHaveLength(3);
  expect(after[2]!.jwt_error).toBeUndefined();
});

test("a replayed token from the Login URL bounces once with jwt_error=jti_replayed, then shows the 401 page", async ({ page, context }) => {
  const tenant = await privateTenant("replaybounce", "normal");
  await page.goto(`${tenant.origin}/articles/refunds`);
  await expect(page.getByText("Signed in as Linus Example")).toBeVisible();
  await context.clearCookies();

  // A buggy backend that caches its token.
  await customerBackend.setMode(tenant.subdomain, "reuse-previous-token");
  const response = await page.goto(`${tenant.origin}/articles/refunds`);
  expect(response?.status()).toBe(401);
  expect((await readErrorPage(page)).reason).toBe("jti_replayed");
  const received = (await customerBackend.log(tenant.subdomain)).received;
  expect(received.map((query) => query.jwt_error)).toEqual([undefined, undefined, "jti_replayed"]);
  expect(received[2]!.expected_aud).toBeUndefined(); // no audience configured
  expect(await endUserSessions(tenant)).toHaveLength(1);
});

test("a widget token (header typ gatehouse-widget+jwt) cannot start a session at /sso/jwt: 401 token_kind_mismatch, logged as verified", async ({ page }) => {
  const tenant = await privateTenant("kind", "hold");
  const now = Math.floor(Date.now() / 1000);
  const widgetToken = jwt.sign({ jti: `w-${now}`, iat: now, exp: now + 120, ...user }, tenant.secret!, { algorithm: "HS256", header: { alg: "HS256", typ: "gatehouse-widget+jwt" } });
  const response = await page.goto(`${tenant.origin}/sso/jwt?jwt=${widgetToken}`);
  expect(response?.status()).toBe(401);
  const shown = await readErrorPage(page);
  expect(shown.reason).toBe("token_kind_mismatch");
  await expect(page.getByText("This token was made for a different use.")).toBeVisible();
  const rejected = (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.redirect_flow.rejected");
  expect(rejected).toEqual([expect.objectContaining({ reason_code: "token_kind_mismatch", request_id: shown.requestId, email: user.email })]);
  expect(await endUserSessions(tenant)).toHaveLength(0);

  // The same claims as a redirect token (no widget typ) sign the visitor in.
  const redirectToken = mintToken(tenant.secret!, user);
  const signedIn = await page.goto(`${tenant.origin}/sso/jwt?jwt=${redirectToken}`);
  expect(signedIn?.status()).toBe(200);
  expect(await endUserSessions(tenant)).toHaveLength(1);
});
