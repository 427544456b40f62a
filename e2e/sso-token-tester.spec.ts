// Settings → Security → SSO: "Test a token", "Mint a test token" and "Allowed domains". The tester
// must be read-only (no jti used up, no user, no log row), the minter must sign with the tenant's own
// secret and never log the token, and the domains form must refuse what would lock sign-ins out.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { mintToken } from "./support/customer-backend";
import { auditActions, createMember, signInToDashboard } from "./support/dashboard-users";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, endUserSessions, newSecret, ssoEvents, type TestTenant } from "./support/tenants";

const user = { email: "grace@example.com", name: "Grace Hopper" };
const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);

async function openSsoPage(page: Page, tenant: TestTenant) {
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
}

async function testInTester(tester: Locator, token: string, kind: "redirect" | "widget" = "redirect") {
  await tester.getByLabel("Token", { exact: true }).fill(token);
  await tester.getByRole("radio", { name: kind === "redirect" ? /^Sign-in redirect/ : /^Widget \/ API/ }).check();
  await tester.getByRole("button", { name: "Test token" }).click();
  await expect(tester.getByRole("button", { name: "Test token" })).toBeEnabled();
}

/** Each check's status, in order, as the page shows it. */
async function statuses(tester: Locator): Promise<string[]> {
  const items = await tester.getByRole("list", { name: "Checks" }).getByRole("listitem").allTextContents();
  return items.map((text) => /\((passed|failed|not reached)\)/.exec(text)?.[1] ?? "?");
}

async function endUserCount(tenant: TestTenant): Promise<number> {
  return (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM end_users WHERE tenant_id = $1`, [tenant.id]))[0]!.n;
}

test("mint a redirect token → the tester passes it without using it up → wrong secret and expired tokens fail with the fix → it still signs in", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "tester", sso: { loginUrl: "https://app.example.com/login", tokenTtlSeconds: 300 } });
  await openSsoPage(page, tenant);
  await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Test a token" })).toHaveAttribute("href", "#test-token");

  const mint = page.locator("#mint-token");
  await mint.getByLabel("Email", { exact: true }).fill(user.email);
  await mint.getByLabel("Name", { exact: true }).fill(user.name);
  await mint.getByLabel("Role", { exact: true }).selectOption("editor");
  await mint.getByLabel("Groups", { exact: true }).fill("beta, staff");
  await mint.getByRole("button", { name: "Mint test token" }).click();
  await expect(mint.getByText(`Test token minted for ${user.email}, valid for 300 s.`)).toBeVisible();
  const token = await mint.getByLabel("Minted token", { exact: true }).inputValue();
  expect(token.split(".")).toHaveLength(3);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await mint.getByRole("button", { name: "Copy token" }).click();
  await expect(mint.getByText("Token copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const tryLink = mint.getByRole("link", { name: "Try it in a private window" });
  await expect(tryLink).toHaveAttribute("href", `${tenant.origin}/sso/jwt?jwt=${token}`);
  await expect(tryLink).toHaveAttribute("rel", "noreferrer");
  // Said so that it works on a phone too, where there is no right-click: the link can be copied.
  await expect(mint.getByText("Open the link in a private window, or copy it and paste it into one")).toBeVisible();
  await mint.getByRole("button", { name: "Copy sign-in link" }).click();
  await expect(mint.getByText("Sign-in link copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${tenant.origin}/sso/jwt?jwt=${token}`);
  // The form keeps what was typed, for the next token.
  await expect(mint.getByLabel("Email", { exact: true })).toHaveValue(user.email);

  // The minted token passes every check, and its claims are shown decoded.
  const tester = page.locator("#test-token");
  await testInTester(tester, token);
  await expect(tester.getByText("All checks passed: /sso/jwt would sign this person in.")).toBeVisible();
  expect(await statuses(tester)).toEqual(Array(10).fill("passed"));
  await expect(tester.getByText("Not used yet. Testing does not use it up.")).toBeVisible();
  await expect(tester.getByText('"email": "grace@example.com"')).toBeVisible();
  await expect(tester.getByText('"role": "editor"')).toBeVisible();
  await expect(tester.getByRole("row", { name: /^iat \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/ })).toBeVisible();
  await expect(tester.getByLabel("Token", { exact: true })).toHaveValue(token);

  // Signed with another secret: the signature check fails, with the plain explanation and the fix.
  await testInTester(tester, mintToken(newSecret(), user));
  await expect(tester.getByText("Refused: HS256 signature made with the shared secret")).toBeVisible();
  await expect(tester.getByText("The token's signature does not match this help center's shared secret")).toBeVisible();
  await expect(tester.getByText("Was the shared secret regenerated?")).toBeVisible();
  expect(await statuses(tester)).toEqual(["passed", "passed", "failed", ...Array(7).fill("not reached")]);
  await expect(tester.getByText("Unverified: the signature was not checked or did not verify")).toBeVisible();

  // Expired: the time check fails, saying when.
  const now = Math.floor(Date.now() / 1000);
  await testInTester(tester, mintToken(tenant.secret!, user, { iat: now - 900, exp: now - 600 }));
  await expect(tester.getByText("Refused: Token times: exp, nbf, iat and the Token TTL")).toBeVisible();
  await expect(tester.getByText(/The token expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC and reached us 10 min/)).toBeVisible();
  expect(await statuses(tester)).toEqual([...Array(5).fill("passed"), "failed", ...Array(4).fill("not reached")]);
  await expect(tester.getByRole("row", { name: /^exp \d{4}.* UTC 10 min( \d+ s)? ago$/ })).toBeVisible();

  // Testing wrote nothing: no user, no session, no log row; the audit has the mint, never the token.
  expect(await endUserCount(tenant)).toBe(0);
  expect(await ssoEvents(tenant)).toEqual([]);
  expect(await auditActions(tenant.id)).toEqual(["sso.test_token_minted"]);
  const audit = await sql<{ details: unknown }>(`SELECT details FROM audit_entries WHERE tenant_id = $1`, [tenant.id]);
  expect(audit[0]!.details).toEqual({ email: user.email, kind: "redirect" });

  // The jti was not used up: the token signs in, in a private window.
  const privateWindow = await browser.newContext();
  try {
    const visitor = await privateWindow.newPage();
    await visitor.goto(`${tenant.origin}/sso/jwt?jwt=${token}`);
    await expect(visitor).toHaveURL(`${tenant.origin}/`);
    await expect(visitor.getByText(`Signed in as ${user.name}`)).toBeVisible();
  } finally {
    await privateWindow.close();
  }
  expect(await endUserSessions(tenant)).toEqual([expect.objectContaining({ email: user.email, groups: ["beta", "staff"] })]);

  // Now it is used: the tester says so (read from the same store the sign-in wrote).
  await testInTester(tester, token);
  await expect(tester.getByText("Refused: Not used before (jti)")).toBeVisible();
  await expect(tester.getByText("jti_replayed")).toBeVisible();
});

test("a widget token: minted with the widget header and a curl command; passes as a widget token, refused as a sign-in token", async ({ page }) => {
  const tenant = await createTenant({ prefix: "tester-widget", sso: { issuer: "https://app.example.com", audience: "help" } });
  await openSsoPage(page, tenant);

  const mint = page.locator("#mint-token");
  await mint.getByLabel("Email", { exact: true }).fill(user.email);
  await mint.getByLabel("Name", { exact: true }).fill(user.name);
  await mint.getByRole("radio", { name: /^Widget \/ API/ }).check();
  await mint.getByRole("button", { name: "Mint test token" }).click();
  const token = await mint.getByLabel("Minted token", { exact: true }).inputValue();
  await expect(mint.getByLabel("Try it with curl", { exact: true })).toHaveValue(`curl -H "Authorization: Bearer ${token}" ${tenant.origin}/api/widget/v1/articles`);
  await expect(mint.getByRole("link", { name: "Try it in a private window" })).toHaveCount(0);

  const tester = page.locator("#test-token");
  await testInTester(tester, token, "widget");
  await expect(tester.getByText("All checks passed: the widget API would accept this token.")).toBeVisible();
  expect(await statuses(tester)).toEqual(Array(8).fill("passed"));
  await expect(tester.getByText('"typ": "gatehouse-widget+jwt"')).toBeVisible();
  await expect(tester.getByText('iss is "https://app.example.com".')).toBeVisible();

  await testInTester(tester, token, "redirect");
  await expect(tester.getByText("Refused: The right kind of token (sign-in redirect, widget or cookie)")).toBeVisible();
  await expect(tester.getByText("token_kind_mismatch")).toBeVisible();
  expect(await ssoEvents(tenant)).toEqual([]);

  // With a report and a minted token on screen, the page still has no axe violations.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test("minting is refused without a shared secret, keeping the form; an admin of A cannot mint with B's secret", async ({ page }) => {
  const a = await createTenant({ prefix: "mint-nosecret" });
  const b = await createTenant({ prefix: "mint-victim", sso: {} });
  await openSsoPage(page, a);

  const mintRequest = recordServerActions(page);
  const mint = page.locator("#mint-token");
  await mint.getByLabel("Email", { exact: true }).fill(user.email);
  await mint.getByLabel("Name", { exact: true }).fill(user.name);
  await mint.getByRole("button", { name: "Mint test token" }).click();
  await expect(mint.getByText("There is no shared secret yet: generate one under JWT (HS256) above, then mint a token.")).toBeVisible();
  await expect(mint.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(mint.getByLabel("Minted token", { exact: true })).toHaveCount(0);
  expect(await auditActions(a.id)).toEqual([]);

  // The same action with B's subdomain in the payload: not a member of B, so 404 and no token.
  const toB = (body: string) => body.replaceAll(a.subdomain, b.subdomain);
  expect(toB(mintRequest().postData()!)).toContain(b.subdomain);
  const replay = await replayServerAction(page.request, mintRequest(), toB);
  expect(replay.status()).toBe(404);
  expect(await replay.text()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  expect(await auditActions(b.id)).toEqual([]);
});

test("Allowed domains: saves a normalized list, names a bad entry, refuses sign-in restriction with an empty list", async ({ page }) => {
  const tenant = await createTenant({ prefix: "domains", sso: {} });
  await openSsoPage(page, tenant);
  const section = page.locator("#allowed-domains");
  await expect(section.getByRole("heading", { name: "Allowed domains" })).toBeVisible();
  await expect(section.getByText("call the widget API from the browser (CORS)")).toBeVisible();
  const list = section.getByLabel("Allowed domains", { exact: true });
  const restrict = section.getByLabel("Only accept sign-ins from these domains", { exact: true });
  const save = section.getByRole("button", { name: "Save allowed domains" });
  const row = async () => (await sql(`SELECT allowed_domains, restrict_sign_in_origins FROM sso_configs WHERE tenant_id = $1`, [tenant.id]))[0];

  await list.fill("App.Example.com\nhttps://docs.example.com/help\n*.example.org");
  await save.click();
  await expect(section.getByText("Allowed domains saved: 3 domains.")).toBeVisible();
  await expect(list).toHaveValue("app.example.com\ndocs.example.com\n*.example.org");
  expect(await row()).toEqual({ allowed_domains: ["app.example.com", "docs.example.com", "*.example.org"], restrict_sign_in_origins: false });

  // A bad entry: named next to the field, what was typed kept, nothing saved.
  await list.fill("app.example.com\nnot a domain!");
  await save.click();
  await expect(section.locator("#allowedDomains-error")).toContainText(`"not a domain!" is not a domain name`);
  await expect(list).toHaveAttribute("aria-invalid", "true");
  await expect(list).toHaveValue("app.example.com\nnot a domain!");
  expect((await row())?.allowed_domains).toEqual(["app.example.com", "docs.example.com", "*.example.org"]);

  // Restricting sign-ins to an empty list would refuse every sign-in from the tenant's own app.
  await list.fill("");
  await restrict.check();
  await save.click();
  await expect(section.locator("#restrictSignInOrigins-error")).toHaveText(
    "Add at least one domain first: with an empty list, sign-ins coming from your own app would be refused.",
  );
  await expect(restrict).toBeChecked();
  expect(await row()).toEqual({ allowed_domains: ["app.example.com", "docs.example.com", "*.example.org"], restrict_sign_in_origins: false });

  await list.fill("app.example.com");
  await save.click();
  await expect(section.getByText("Allowed domains saved: 1 domain.")).toBeVisible();
  await expect(restrict).toBeChecked();
  expect(await row()).toEqual({ allowed_domains: ["app.example.com"], restrict_sign_in_origins: true });
  expect(await auditActions(tenant.id)).toEqual(["sso.allowed_domains.updated", "sso.allowed_domains.updated"]);
});
