// The help center's end-user pages work with a keyboard and a screen reader, as the reader sees
// them: axe (WCAG 2 A and AA) finds nothing on a public help center signed out, a private one signed
// in, the sign-in refusal page, "You are signed out", the demo Login URL and a phone's width; and
// from the top of an article, Tab reaches a skip link, the search box and Sign in / Sign out, each
// with a focus indicator one can see.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { customerBackend, LOGIN_URL, mintToken, type TestUser } from "./support/customer-backend";
import { createTenant, type TestCategory, type TestTenant } from "./support/tenants";

const reader: TestUser = { email: "ada@example.com", name: "Ada Reader", external_id: "u-ada" };

// Everything an editor's Markdown can put on the page: headings, inline code, a code block with a
// line longer than the column, a table wider than a phone, a link, an image with alt text, a list
// and a quote.
const ARTICLE_BODY = [
  "Single sign-on lets your readers use their account in your app here too.",
  "",
  "# Overview",
  "",
  "Editors often start a body with a top-level heading; the page's title stays its only h1.",
  "",
  "## Before you start",
  "",
  "Copy the shared secret from [the SSO settings](https://example.com/settings/sso) and keep `SSO_SECRET` out of your repository.",
  "",
  "### Sign a token",
  "",
  "```js",
  'const token = jwt.sign({ jti: key, email: user.email, name: user.name }, process.env.SSO_SECRET, { algorithm: "HS256", expiresIn: 120 });',
  "```",
  "",
  "### Claims",
  "",
  "| Claim | Required | Meaning | Example |",
  "|---|---|---|---|",
  "| `jti` | yes | the key the help center sent to your Login URL | `Zq3h9VxLr2cW8mT1pYbN4sKd6fGj0aUe` |",
  "| `email` | yes | the reader's address | `ada.lovelace@analytical-engines.example` |",
  "| `groups` | no | which restricted articles they see | `[\"beta\", \"enterprise-admins\"]` |",
  "",
  "![Diagram: your app signs a token and sends the reader back to the help center](/icon.svg)",
  "",
  "- Mint the token right before redirecting.",
  "- Use it once.",
  "",
  "> Tokens older than five minutes are refused.",
].join("\n");

const categories: TestCategory[] = [
  {
    slug: "single-sign-on",
    title: "Single sign-on",
    description: "Let readers sign in with their account in your app.",
    articles: [
      { slug: "set-up-sso", title: "Set up single sign-on", body: ARTICLE_BODY },
      { slug: "sign-out", title: "Signing out everywhere", body: "Send the browser to `/sso/logout`." },
    ],
  },
  { slug: "billing", title: "Billing", articles: [{ slug: "invoices", title: "Where to find your invoices", body: "Under **Settings → Billing**." }] },
];

async function expectNoAxeViolations(page: Page, what: string) {
  // The <title> comes with the streamed tree: wait for it, or axe may look at a page without one.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  // Soft: one run reports every page's violations, not only the first page's.
  expect.soft(found, `axe violations on ${what} (${page.url()})`).toEqual([]);
}

function publicTenant(prefix: string): Promise<TestTenant> {
  return createTenant({ prefix, visibility: "public", categories, sso: { loginUrl: LOGIN_URL } });
}

/** Signs `reader` in to a private help center through its Login URL, landing on `path`. */
async function signedInReader(page: Page, prefix: string, path: string): Promise<TestTenant> {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode: "normal" });
  await page.goto(`${tenant.origin}${path}`);
  await expect(page).toHaveURL(`${tenant.origin}${path}`);
  await expect(page.getByText(`Signed in as ${reader.name}`)).toBeVisible();
  return tenant;
}

test("a public help center, signed out: home, category, article, search with and without results, and the 404 page", async ({ page }) => {
  const tenant = await publicTenant("a11y-hc");

  await page.goto(`${tenant.origin}/`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Categories" })).toBeVisible();
  await expectNoAxeViolations(page, "the home page");

  await page.goto(`${tenant.origin}/categories/single-sign-on`);
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "a category page");

  await page.goto(`${tenant.origin}/articles/set-up-sso`);
  await expect(page.getByRole("heading", { name: "Set up single sign-on", level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.locator(".markdown pre")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Diagram: your app signs a token/ })).toBeVisible();
  // One h1, the title: the body's "# Overview" is a section heading, before its "##" ones.
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, "an article page");

  await page.goto(`${tenant.origin}/search?q=token`);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem")).not.toHaveCount(0);
  await expectNoAxeViolations(page, "the search page with results");

  await page.goto(`${tenant.origin}/search?q=kangaroo`);
  await expect(page.getByRole("status")).toHaveText(/No articles match “kangaroo”/);
  await expectNoAxeViolations(page, "the search page without results");

  const missing = await page.goto(`${tenant.origin}/articles/no-such-article`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page, "the 404 page");
});

test("a private help center, signed in: home, article, my requests and a request; then “You are signed out”", async ({ page }) => {
  test.setTimeout(60_000);
  const tenant = await signedInReader(page, "a11y-private", "/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoAxeViolations(page, "the home page, signed in");

  await page.goto(`${tenant.origin}/articles/set-up-sso`);
  await expect(page.getByRole("heading", { name: "Set up single sign-on", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "an article page, signed in");

  await page.goto(`${tenant.origin}/requests`);
  await expect(page.getByRole("heading", { name: "My requests", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "my requests, none yet");
  await page.getByLabel("Subject", { exact: true }).fill("The export is empty");
  await page.getByLabel("Message", { exact: true }).fill("The CSV export has headers only.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Your request has been sent.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your requests" }).getByRole("listitem")).toHaveCount(1);
  await expectNoAxeViolations(page, "my requests, with one");

  await page.getByRole("list", { name: "Your requests" }).getByRole("link", { name: "The export is empty" }).click();
  await expect(page.getByRole("heading", { name: "The export is empty", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Conversation" })).toBeVisible();
  await expectNoAxeViolations(page, "a request's page");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/signed-out`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await expectNoAxeViolations(page, "“You are signed out”");
});

test("the sign-in refusal page (a token with a bad signature)", async ({ page }) => {
  const tenant = await createTenant({ prefix: "a11y-refused", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const token = mintToken(`${tenant.secret}-but-not-the-shared-one`, reader);
  const response = await page.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: token })}`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: /^We could not sign you in to / })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
  await expectNoAxeViolations(page, "the sign-in refusal page");
});

test("the demo tenant's “Acme app” sign-in page, as reached and with a refused field", async ({ page, baseURL }) => {
  const helpCenter = `http://acme.localhost:${new URL(baseURL!).port}`;
  await page.goto(`${helpCenter}/articles/change-your-plan`);
  await expect(page).toHaveURL(/\/demo\/login\?subdomain=acme&key=/);
  await expect(page.getByRole("heading", { name: "Sign in to Acme" })).toBeVisible();
  await expectNoAxeViolations(page, "the demo sign-in page");

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in to Acme" }).click();
  await expect(page.getByText("Enter an email address")).toBeVisible();
  await expectNoAxeViolations(page, "the demo sign-in page with a field error");
});

test.describe("at a phone's width (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the home and article pages, signed out and signed in", async ({ page }) => {
    const open = await publicTenant("a11y-phone");
    await page.goto(`${open.origin}/`);
    await expect(page.getByRole("list", { name: "Categories" })).toBeVisible();
    await expectNoAxeViolations(page, "the home page on a phone");
    await page.goto(`${open.origin}/articles/set-up-sso`);
    await expect(page.getByRole("table")).toBeVisible();
    // The table is wider than the phone, so its box scrolls: axe then checks a keyboard can reach it.
    expect(await page.getByRole("table").evaluate((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth)).toBe(true);
    await expectNoAxeViolations(page, "an article page on a phone");

    const closed = await signedInReader(page, "a11y-phone-private", "/articles/set-up-sso");
    await expectNoAxeViolations(page, "an article page on a phone, signed in");
    await page.goto(`${closed.origin}/`);
    await expect(page.getByRole("list", { name: "Categories" })).toBeVisible();
    await expectNoAxeViolations(page, "the home page on a phone, signed in");
  });
});

// ---- keyboard ------------------------------------------------------------------------------------

interface FocusStop {
  /** e.g. `a "Skip to content"`, `input[type=search] "Search the help center"` */
  label: string;
  insideMain: boolean;
  /** the focused element's computed outline and box-shadow */
  outline: string;
  boxShadow: string;
  /** the focused element's size on screen (a 1 px box is a visually hidden one) */
  width: number;
  height: number;
}

function focusedElement(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const label = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null;
    const name = element.getAttribute("aria-label") || label || element.textContent || "";
    const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : "";
    const box = element.getBoundingClientRect();
    return {
      label: `${element.tagName.toLowerCase()}${type} "${name.trim().replace(/\s+/g, " ").slice(0, 40)}"`,
      insideMain: Boolean(element.closest("main")),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      width: box.width,
      height: box.height,
    };
  });
}

/** A focus indicator one can see: a drawn outline, or a box-shadow ring. */
function showsFocus(stop: FocusStop): boolean {
  const [style, width, ...color] = stop.outline.split(" ");
  const outlineShows = style !== "none" && style !== "hidden" && parseFloat(width!) > 0 && !/^rgba\(.*,\s*0\)$/.test(color.join(" "));
  return outlineShows || stop.boxShadow !== "none";
}

/** Every Tab stop from the top of the page to its end (where focus leaves the page), in order. */
async function tabThrough(page: Page, limit = 60): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press("Tab");
    const stop = await focusedElement(page);
    if (!stop || (stops.length > 0 && stop.label === stops[0]!.label)) break;
    stops.push(stop);
  }
  return stops;
}

async function expectKeyboardReachable(page: Page, url: string, account: RegExp) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The first stop skips the header to the article, and is seen when focused.
  await page.keyboard.press("Tab");
  const first = await focusedElement(page);
  expect(first?.label, "the first Tab stop of an article page").toMatch(/^a "Skip to (main )?content"$/);
  expect(first!.width, "the skip link is on screen when focused").toBeGreaterThan(10);
  expect(first!.height, "the skip link is on screen when focused").toBeGreaterThan(10);
  expect(showsFocus(first!), `the skip link shows focus (${first!.outline}; ${first!.boxShadow})`).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect((await focusedElement(page))?.insideMain, "the Tab after the skip link lands in the page's content").toBe(true);

  // From the top again: the search box and Sign in / Sign out are each reached, each showing focus.
  await page.goto(url);
  const search = /^input\[type=search\] "Search the help center"$/;
  const stops = await tabThrough(page);
  const labels = stops.map((stop) => stop.label);
  for (const wanted of [search, account]) {
    const stop = stops.find((candidate) => wanted.test(candidate.label));
    expect(stop, `Tab from the top reaches ${wanted} (stops: ${labels.join(" → ")})`).toBeDefined();
    expect(showsFocus(stop!), `${stop!.label} shows focus (outline ${stop!.outline}; box-shadow ${stop!.boxShadow})`).toBe(true);
  }
  // The code block's line is wider than the column: a keyboard reaches it to scroll it.
  expect(labels, "the code block is a Tab stop").toContainEqual(expect.stringMatching(/^pre "const token/));
  // Every stop on the page shows where focus is, not only the ones named above.
  const unseen = stops.filter((stop) => !showsFocus(stop)).map((stop) => `${stop.label} (outline ${stop.outline}; box-shadow ${stop.boxShadow})`);
  expect(unseen, "Tab stops without a visible focus indicator").toEqual([]);
}

test("keyboard: from the top of an article, Tab reaches a skip link, the search box and Sign in, each showing focus", async ({ page }) => {
  const tenant = await publicTenant("a11y-keys");
  await expectKeyboardReachable(page, `${tenant.origin}/articles/set-up-sso`, /^a "Sign in"$/);
});

test("keyboard, signed in: from the top of an article, Tab reaches a skip link, the search box and Sign out, each showing focus", async ({ page }) => {
  const tenant = await signedInReader(page, "a11y-keys-private", "/articles/set-up-sso");
  await expectKeyboardReachable(page, `${tenant.origin}/articles/set-up-sso`, /^button "Sign out"$/);
});
