// Articles with required groups: only end users whose token put them in one of those groups see
// them; for everyone else they do not exist (404, not listed).
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { customerBackend, LOGIN_URL, mintWidgetToken, type TestUser } from "./support/customer-backend";
import { createTenant, endUserSessions, type TestTenant } from "./support/tenants";

const categories = [
  {
    slug: "features",
    title: "Features",
    articles: [
      { slug: "dark-mode", title: "Dark mode", body: "Settings → Appearance." },
      { slug: "beta-sync", title: "Beta: instant sync", body: "Turn on instant sync under Labs.", requiredGroups: ["beta"] },
    ],
  },
];

async function signInAs(page: Page, tenant: TestTenant, user: TestUser, path: string) {
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
  return page.goto(`${tenant.origin}${path}`);
}

test("an article for group “beta” is a 404 and unlisted without the group, and visible with it", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "groups", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });

  // Signed in, but in no group.
  const response = await signInAs(page, tenant, { email: "plain@example.com", name: "Plain User", groups: [] }, "/articles/beta-sync");
  expect(page.url()).toBe(`${tenant.origin}/articles/beta-sync`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle(`Page not found · ${tenant.name}`);
  expect(await page.content()).not.toContain("Turn on instant sync");
  await page.goto(`${tenant.origin}/`);
  await expect(page.getByText("Signed in as Plain User")).toBeVisible();
  await expect(page.getByRole("link", { name: "Dark mode" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Beta: instant sync" })).toHaveCount(0);
  await page.goto(`${tenant.origin}/categories/features`);
  await expect(page.getByRole("link", { name: "Dark mode" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Beta: instant sync" })).toHaveCount(0);

  // Another browser, a user whose token says groups: ["beta"].
  const betaContext = await browser.newContext();
  try {
    const beta = await betaContext.newPage();
    const betaResponse = await signInAs(beta, tenant, { email: "tester@example.com", name: "Beta Tester", groups: ["beta"] }, "/articles/beta-sync");
    expect(betaResponse?.status()).toBe(200);
    await expect(beta.getByText("Signed in as Beta Tester")).toBeVisible();
    await expect(beta.getByRole("heading", { name: "Beta: instant sync", level: 1 })).toBeVisible();
    await expect(beta.getByText("Turn on instant sync under Labs.")).toBeVisible();
    await beta.goto(`${tenant.origin}/`);
    await expect(beta.getByRole("link", { name: "Beta: instant sync" })).toBeVisible();
  } finally {
    await betaContext.close();
  }

  const groupsByEmail = Object.fromEntries((await endUserSessions(tenant)).map((session) => [session.email, session.groups]));
  expect(groupsByEmail).toEqual({ "plain@example.com": [], "tester@example.com": ["beta"] });
});

// UX review: the home page listed every category, so a reader got a card with nothing under it and
// a link to an empty page, and "No articles have been published yet" only when there were no
// categories at all. Now: only categories with an article this reader may see, and plain words on
// an empty category page that neither name the groups nor hint that restricted articles exist.
test("categories of drafts only or of another group's articles are hidden from readers who cannot see them, shown to those who can", async ({ page, browser }) => {
  const tenant = await createTenant({
    prefix: "groups-empty",
    visibility: "public",
    categories: [
      { slug: "labs", title: "Labs", articles: [{ slug: "insider-sync", title: "Insider sync", body: "Only for insiders.", requiredGroups: ["insiders"] }] },
      { slug: "coming-soon", title: "Coming soon", articles: [{ slug: "roadmap", title: "Roadmap", body: "What is next." }] },
    ],
    sso: { loginUrl: LOGIN_URL },
  });
  await sqlOnce(env.TEST_DATABASE_URL!, `UPDATE articles SET published = false WHERE tenant_id = $1 AND slug = 'roadmap'`, [tenant.id]);

  // Signed out: nothing to see, so no cards and no search; a neutral message, no group's name.
  await page.goto(`${tenant.origin}/`);
  await expect(page.getByText("There are no articles to read here yet.")).toBeVisible();
  await expect(page.getByText("some articles may be shown only to signed-in readers")).toBeVisible();
  await expect(page.getByRole("list", { name: "Categories" })).toHaveCount(0);
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  for (const category of ["labs", "coming-soon"]) {
    const response = await page.goto(`${tenant.origin}/categories/${category}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText("There are no articles to read in this category yet.")).toBeVisible();
  }
  expect(await page.content()).not.toContain("insiders");

  // Signed in, in no group: the same, without the sign-in reminder.
  const plain = await browser.newContext();
  try {
    const plainPage = await plain.newPage();
    await signInAs(plainPage, tenant, { email: "plain@example.com", name: "Plain User", groups: [] }, "/");
    await plainPage.getByRole("link", { name: "Sign in" }).click(); // a public help center: reading needs no sign-in
    await expect(plainPage.getByText("Signed in as Plain User")).toBeVisible();
    await expect(plainPage.getByText("There are no articles to read here yet.")).toBeVisible();
    await expect(plainPage.getByText("some articles may be shown only to signed-in readers")).toHaveCount(0);
  } finally {
    await plain.close();
  }

  // In the group: Labs is listed with its article; the drafts' category is still not.
  const insider = await browser.newContext();
  try {
    const insiderPage = await insider.newPage();
    await signInAs(insiderPage, tenant, { email: "insider@example.com", name: "Insider", groups: ["insiders"] }, "/");
    await insiderPage.getByRole("link", { name: "Sign in" }).click();
    await expect(insiderPage.getByText("Signed in as Insider")).toBeVisible();
    const list = insiderPage.getByRole("list", { name: "Categories" });
    await expect(list.getByRole("heading", { name: "Labs" })).toBeVisible();
    await expect(list.getByRole("link", { name: "Insider sync" })).toBeVisible();
    await expect(list.getByRole("heading", { name: "Coming soon" })).toHaveCount(0);
    await insiderPage.goto(`${tenant.origin}/categories/labs`);
    await expect(insiderPage.getByRole("link", { name: "Insider sync" })).toBeVisible();
    await expect(insiderPage.getByText("There are no articles to read in this category yet.")).toHaveCount(0);
  } finally {
    await insider.close();
  }

  // Published, the draft's category appears for everyone; Labs still only for the group.
  await sqlOnce(env.TEST_DATABASE_URL!, `UPDATE articles SET published = true WHERE tenant_id = $1 AND slug = 'roadmap'`, [tenant.id]);
  await page.goto(`${tenant.origin}/`);
  const list = page.getByRole("list", { name: "Categories" });
  await expect(list.getByRole("heading", { name: "Coming soon" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Roadmap" })).toBeVisible();
  await expect(list.getByRole("heading", { name: "Labs" })).toHaveCount(0);
  await expect(page.getByText("There are no articles to read here yet.")).toHaveCount(0);
});

test("the same group rule on the read API and the widget API, called from a page in the browser", async ({ page }) => {
  const tenant = await createTenant({ prefix: "groups-api", visibility: "private", categories, sso: {} });
  await page.goto(`${tenant.origin}/api/v1/openapi.json`); // any page of the help center's origin: the calls below are same-origin
  const titlesFor = async (groups: string[]) => {
    const token = mintWidgetToken(tenant.secret!, { email: `api-${groups.join("-") || "none"}@example.com`, name: "API reader", groups });
    return page.evaluate(async (bearer) => {
      const get = async (path: string) => (await (await fetch(path, { headers: { Authorization: `Bearer ${bearer}` } })).json()) as { data: { title: string }[] };
      const [api, widget] = await Promise.all([get("/api/v1/articles"), get("/api/widget/v1/articles")]);
      return { api: api.data.map((a) => a.title).sort(), widget: widget.data.map((a) => a.title).sort() };
    }, token);
  };
  expect(await titlesFor([])).toEqual({ api: ["Dark mode"], widget: ["Dark mode"] });
  expect(await titlesFor(["beta"])).toEqual({ api: ["Beta: instant sync", "Dark mode"], widget: ["Beta: instant sync", "Dark mode"] });
});

test("on a public help center, a signed-out visitor's 404 offers sign-in, which leads back to a group's article", async ({ page }) => {
  const tenant = await createTenant({ prefix: "groups-public", visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: { email: "beta@example.com", name: "Beta Reader", groups: ["beta"] }, mode: "normal" });

  // A missing page gets the same offer as a group's article, so the offer reveals nothing.
  const missing = await page.goto(`${tenant.origin}/articles/no-such-article`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  const missingPage = await page.getByRole("main").innerText();

  const response = await page.goto(`${tenant.origin}/articles/beta-sync`);
  expect(response?.status()).toBe(404);
  expect(await page.getByRole("main").innerText()).toBe(missingPage);
  expect(await page.content()).not.toContain("Turn on instant sync");
  await expect(page.getByText("Some pages are only for signed-in readers")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL(`${tenant.origin}/articles/beta-sync`);
  await expect(page.getByRole("heading", { name: "Beta: instant sync", level: 1 })).toBeVisible();
  await expect(page.getByText("Signed in as Beta Reader")).toBeVisible();
});

for (const [setup, sso] of [["SSO off", { enabled: false, loginUrl: LOGIN_URL }], ["no Login URL", { enabled: true, loginUrl: null }], ["no SSO configuration", undefined]] as const) {
  test(`a public help center without working sign-in (${setup}) offers no Sign in, on its pages or its 404`, async ({ page }) => {
    const tenant = await createTenant({ prefix: "groups-nosso", visibility: "public", categories, sso });
    await page.goto(`${tenant.origin}/`);
    await expect(page.getByRole("link", { name: "Dark mode" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    const response = await page.goto(`${tenant.origin}/articles/beta-sync`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    await page.goto(`${tenant.origin}/signed-out`);
    await expect(page.getByRole("link", { name: "Sign in again" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  });
}
