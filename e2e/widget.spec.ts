// The embeddable widget (public/js/init_widget.js) on a customer's own page: a plain HTML page on
// another origin (e2e/support/widget-host-page.ts) with hostile CSS, hcOptions and a token
// endpoint behind onAuthExpired. Tokens are minted with only a few seconds left of the tenant's
// Token TTL, so renewal happens while the test watches: the panel must keep working without a
// page reload.
import { expect, test, type Page, type Request } from "@playwright/test";
import { mintWidgetToken, type TestUser } from "./support/customer-backend";
import { createTenant, type TestCategory, type TestTenant } from "./support/tenants";
import { startHostPageServer } from "./support/widget-host-page";

const TTL_SECONDS = 30; // the smallest Token TTL the database accepts
const TOKEN_LIFE_SECONDS = 6; // what is left of it on the tokens test 1's page gets
const categories: TestCategory[] = [
  {
    slug: "billing",
    title: "Billing",
    articles: [
      { slug: "download-invoice", title: "Download an invoice", body: "Open **Billing** and choose *Download* next to the month.\n\n- PDF\n- CSV" },
      { slug: "change-plan", title: "Change your plan", body: "Plans can be changed at any time under Billing → Plan." },
    ],
  },
  {
    slug: "account",
    title: "Account",
    articles: [
      { slug: "reset-password", title: "Reset your password", body: "Choose **Forgot password** on the sign-in page." },
      { slug: "beta-sync", title: "Beta: instant sync", body: "Turn on instant sync under Labs.", requiredGroups: ["beta"] },
    ],
  },
];
const user: TestUser = { email: "widget.user@example.com", name: "Widget User", groups: [] };

let hostPages: Awaited<ReturnType<typeof startHostPageServer>>;
let tenant: TestTenant;

test.beforeAll(async () => {
  hostPages = await startHostPageServer();
  tenant = await createTenant({
    prefix: "widget",
    visibility: "private",
    categories,
    sso: { tokenTtlSeconds: TTL_SECONDS, clockSkewSeconds: 0, allowedDomains: ["127.0.0.1"] },
  });
});

test.afterAll(async () => {
  await hostPages?.close();
});

function widget(page: Page) {
  const dialog = page.getByRole("dialog");
  return {
    launcher: page.getByRole("button", { name: "Help", exact: true }),
    dialog,
    search: page.getByLabel("Search articles", { exact: true }),
    result: (title: string) => dialog.getByRole("button", { name: title }),
    /** the status line once a search for `query` has answered with results */
    resultsFor: (query: string) => dialog.getByText(`Results for “${query}”`),
    heading: (title: string) => dialog.getByRole("heading", { name: title, level: 3 }),
    back: dialog.getByRole("button", { name: "← Back" }),
    /** the article view (the result list stays in the DOM, hidden, behind it) */
    article: dialog.getByRole("article"),
  };
}

/** Every call the widget makes to the help center's widget API, with the token it sent. */
function recordApiCalls(page: Page) {
  const calls: { url: string; authorization: string | undefined; appId: string | undefined; status: number }[] = [];
  page.on("requestfinished", async (request: Request) => {
    if (!request.url().startsWith(`${tenant.origin}/api/widget/v1/`)) return;
    const headers = request.headers();
    const response = await request.response();
    calls.push({ url: request.url(), authorization: headers.authorization, appId: headers["x-gatehouse-app-id"], status: response?.status() ?? 0 });
  });
  return calls;
}

test("embedded on another site: opens, searches, reads an article, and renews its token past the TTL without a reload", async ({ page }) => {
  test.setTimeout(60_000);
  const site = hostPages.register({ tenant, user, tokenAgeSeconds: TTL_SECONDS - TOKEN_LIFE_SECONDS });
  const calls = recordApiCalls(page);
  const w = widget(page);

  const script = page.waitForResponse(`${tenant.origin}/js/init_widget.js`);
  await page.goto(site.url);
  // Served by the help center's own host (the proxy passes /js through), as JavaScript.
  expect((await script).status()).toBe(200);
  expect((await script).headers()["content-type"]).toMatch(/javascript/);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));
  await expect(w.launcher).toHaveAttribute("aria-expanded", "false");
  await w.launcher.click();
  await expect(page.getByRole("dialog", { name: tenant.name })).toBeVisible();
  await expect(w.launcher).toHaveAttribute("aria-expanded", "true");
  await expect(w.search).toBeFocused();
  // Without a query: recent articles.
  await expect(w.result("Reset your password")).toBeVisible();

  await w.search.fill("invoice");
  await expect(w.resultsFor("invoice")).toBeVisible();
  await expect(w.result("Download an invoice")).toBeVisible();
  await expect(w.result("Reset your password")).toHaveCount(0);
  await w.result("Download an invoice").click();
  await expect(w.heading("Download an invoice")).toBeVisible();
  // The body is the server-rendered Markdown, not the source.
  await expect(w.article.locator("strong", { hasText: "Billing" })).toBeVisible();
  await expect(w.article.getByRole("listitem").filter({ hasText: "CSV" })).toBeVisible();
  await expect(w.article.getByText("**Billing**")).toHaveCount(0);
  await expect(w.article.getByRole("link", { name: "Open in the help center" })).toHaveAttribute("href", `${tenant.origin}/articles/download-invoice`);
  await w.back.click();
  await expect(w.result("Download an invoice")).toBeFocused();

  // Outlive the first token (and then some); the help center would now refuse it.
  const callsBefore = site.tokenCalls();
  await page.waitForTimeout((TOKEN_LIFE_SECONDS + 2) * 1000);
  await w.search.fill("password");
  await expect(w.resultsFor("password")).toBeVisible();
  await expect(w.result("Reset your password")).toBeVisible();
  await w.result("Reset your password").click();
  await expect(w.heading("Reset your password")).toBeVisible();
  await expect(w.article.locator("strong", { hasText: "Forgot password" })).toBeVisible();

  expect(site.tokenCalls()).toBeGreaterThan(callsBefore);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
  // Every call carried a bearer token and the app id; renewal happened ahead of the TTL, so none
  // was refused; and later calls used the fresh token.
  expect(calls.length).toBeGreaterThanOrEqual(5);
  for (const call of calls) {
    expect(call.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(call.appId).toBe(tenant.subdomain);
    expect(call.status, call.url).toBe(200);
  }
  expect(new Set(calls.map((call) => call.authorization)).size).toBeGreaterThan(1);
});

test("a token already older than the TTL is refused (token_too_old), renewed through onAuthExpired and retried once", async ({ page }) => {
  const now = Math.floor(Date.now() / 1000);
  const site = hostPages.register({ tenant, user, initialToken: mintWidgetToken(tenant.secret!, user, { iat: now - 60, exp: now + 120 }) });
  const refusals: { url: string; code: string; wwwAuthenticate: string | undefined }[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith(`${tenant.origin}/api/widget/v1/`) || response.status() !== 401) return;
    const body = (await response.json()) as { error: { code: string } };
    refusals.push({ url: response.url(), code: body.error.code, wwwAuthenticate: response.headers()["www-authenticate"] });
  });
  const w = widget(page);

  await page.goto(site.url);
  await w.launcher.click();
  await w.search.fill("plan");
  await expect(w.resultsFor("plan")).toBeVisible();
  await w.result("Change your plan").click();
  await expect(w.article.getByText("Plans can be changed at any time")).toBeVisible();

  expect(refusals.length).toBeGreaterThanOrEqual(1);
  for (const refusal of refusals) {
    expect(refusal.code).toBe("token_too_old");
    expect(refusal.wwwAuthenticate).toContain('error="invalid_token"');
  }
  // The session call and the first search may both have held the old token: one renewal served both.
  expect(site.tokenCalls()).toBe(1);
});

test("keyboard: Enter and Space open, Escape closes and gives focus back; the page's CSS does not reach in", async ({ page }) => {
  const site = hostPages.register({ tenant, user });
  const w = widget(page);
  await page.goto(site.url);

  // The page hides every button and paints everything red at 40px; the widget is untouched.
  await expect(w.launcher).toBeVisible();
  const launcherStyle = await w.launcher.evaluate((element) => {
    const style = getComputedStyle(element);
    return { fontSize: style.fontSize, color: style.color };
  });
  expect(launcherStyle).toEqual({ fontSize: "15px", color: "rgb(255, 255, 255)" });

  await w.launcher.focus();
  await page.keyboard.press("Enter");
  await expect(w.dialog).toBeVisible();
  await expect(w.search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(w.dialog).toBeHidden();
  await expect(w.launcher).toBeFocused();
  await expect(w.launcher).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Space");
  await expect(w.dialog).toBeVisible();
  await expect(w.search).toBeFocused();
  await page.keyboard.type("invoice");
  // (Download an invoice is also among the recent articles: wait for the search's own list.)
  await expect(w.resultsFor("invoice")).toBeVisible();
  await expect(w.result("Download an invoice")).toBeVisible();
  const inputStyle = await w.search.evaluate((element) => {
    const style = getComputedStyle(element);
    return { borderStyle: style.borderTopStyle, fontSize: style.fontSize, color: style.color };
  });
  expect(inputStyle).toEqual({ borderStyle: "solid", fontSize: "15px", color: "rgb(31, 41, 55)" });

  // Tab reaches the result; Enter opens it and focus lands on its title; Back returns to it.
  await page.keyboard.press("Tab");
  await expect(w.result("Download an invoice")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(w.heading("Download an invoice")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(w.back).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(w.result("Download an invoice")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(w.dialog).toBeHidden();
  await expect(w.launcher).toBeFocused();
});

test("problems are said plainly: a refused signature is not retried, a failing onAuthExpired and a site not on Allowed domains", async ({ page }) => {
  const w = widget(page);

  // Signed with the wrong secret: bad_signature is not a token-age problem, so no renewal.
  const forged = hostPages.register({ tenant, user, initialToken: mintWidgetToken("not-the-tenant-secret-at-all-0123456789", user) });
  await page.goto(forged.url);
  await w.launcher.click();
  await expect(w.dialog.getByText(/^Sign-in problem: /)).toBeVisible();
  expect(forged.tokenCalls()).toBe(0);

  // Too old, and the page's token endpoint is down: onAuthExpired throws.
  const now = Math.floor(Date.now() / 1000);
  const stale = hostPages.register({
    tenant,
    user,
    initialToken: mintWidgetToken(tenant.secret!, user, { iat: now - 60, exp: now + 120 }),
    tokenEndpoint: "fail",
  });
  await page.goto(stale.url);
  await w.launcher.click();
  await expect(w.dialog.getByText("Sign-in problem: your sign-in expired and could not be renewed.")).toBeVisible();
  expect(stale.tokenCalls()).toBeGreaterThanOrEqual(1);

  // A help center that does not list this site: the browser blocks the calls (no CORS headers).
  const elsewhere = await createTenant({ prefix: "widget-cors", categories, sso: { allowedDomains: ["app.example.com"] } });
  const blocked = hostPages.register({ tenant: elsewhere, user });
  await page.goto(blocked.url);
  await w.launcher.click();
  await expect(w.dialog.getByText("Couldn't load articles. Try again")).toBeVisible();
  await expect(w.dialog.getByRole("button", { name: "Try again" })).toBeVisible();
});

test("groups matter in the widget: a “beta” article is found only with a token whose user is in “beta”", async ({ page }) => {
  const w = widget(page);
  const plain = hostPages.register({ tenant, user: { email: "plain@example.com", name: "Plain User", groups: [] } });
  await page.goto(plain.url);
  await w.launcher.click();
  await w.search.fill("instant sync");
  await expect(w.dialog.getByText("No articles match “instant sync”.")).toBeVisible();
  await expect(w.result("Beta: instant sync")).toHaveCount(0);

  const beta = hostPages.register({ tenant, user: { email: "tester@example.com", name: "Beta Tester", groups: ["beta"] } });
  await page.goto(beta.url);
  await w.launcher.click();
  await w.search.fill("instant sync");
  await expect(w.resultsFor("instant sync")).toBeVisible();
  await w.result("Beta: instant sync").click();
  await expect(w.article.getByText("Turn on instant sync under Labs.")).toBeVisible();
});
