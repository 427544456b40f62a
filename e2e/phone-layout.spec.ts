// At a phone's width (390 px) no page of the dashboard or the help center is wider than the screen:
// tables and code scroll inside their own box instead of making the whole page pan sideways.
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

test.use({ viewport: { width: 390, height: 844 } });

const TABLE_ARTICLE = [
  "Plans compared:",
  "",
  "| Plan | Seats | Single sign-on | Support | Data retention | Audit log |",
  "|---|---|---|---|---|---|",
  "| Starter | 3 | Not included | Community forum | 30 days | Not included |",
  "| Business | 50 | Included, JWT and SAML | Email within one working day | One year | Included |",
].join("\n");

// UX review: text with no spaces to break at ran off a phone's screen. 120 characters of URL, an
// inline code string and a path, none of which the browser may break without overflow-wrap.
const LONG_URL = `https://example.com/${"a1b2c3d4e5".repeat(10)}`;
const LONG_CODE = `GATEHOUSE_${"SINGLE_SIGN_ON_".repeat(5)}CALLBACK_URL=https://help.example.com/sso/jwt`;
const LONG_WORDS_ARTICLE = [
  `Paste this address into your browser: ${LONG_URL}`,
  "",
  `Then set \`${LONG_CODE}\` in your environment, and check /var/lib/gatehouse/tenants/acme/single-sign-on/configuration/current.json.`,
  "",
  "```",
  `curl --fail --silent --show-error --header "Authorization: Bearer $TOKEN" ${LONG_URL}`,
  "```",
].join("\n");

async function expectNoSidewaysPan(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
}

test("the dashboard's pages fit a phone's width", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "phone",
    categories: [{ slug: "billing", title: "Billing", articles: [{ slug: "plans", title: "Plans and what each includes, compared side by side", body: TABLE_ARTICLE }] }],
    sso: { enabled: true, loginUrl: "https://app.example.com/login" },
  });
  const owner = await createMember(tenant.id, "owner");
  await signInToDashboard(page, owner.email);
  const base = `/dashboard/${tenant.subdomain}`;
  for (const path of ["", "/content", "/requests", "/settings/security/sso", "/settings/logs", "/settings/audit", "/settings/members", "/settings/general"]) {
    await page.goto(`${base}${path}`);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectNoSidewaysPan(page, `${base}${path}`);
  }

  // An article's actions are on screen, not past the edge of a sideways-scrolling table.
  await page.goto(`${base}/content`);
  await expect(page.getByRole("link", { name: /^Edit article/ })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: /^Delete article/ })).toBeInViewport({ ratio: 1 });

  // A log row is a short stack on a phone: its IP and request ID are on screen, not past its edge.
  const requestId = `phone-${tenant.subdomain}-0f6c3a52`;
  await sqlOnce(env.TEST_DATABASE_URL!, `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, client_ip, request_id) VALUES ($1, now(), 'sso.redirect_flow.rejected', 'rejected', 'bad_signature', 'reader@example.com', '203.0.113.9', $2)`, [tenant.id, requestId]);
  await page.goto(`${base}/settings/logs`);
  // Below the chart, so judged across only: within the screen's width, with no sideways scrolling.
  for (const text of [requestId, "203.0.113.9"]) {
    const shown = await page.locator("tbody tr").first().getByText(text).boundingBox();
    expect(shown!.x).toBeGreaterThanOrEqual(0);
    expect(shown!.x + shown!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  // Exploratory test: the menu was one row cut off at "Gen…", with nothing saying it scrolled. It
  // wraps instead: every item is wholly on screen, the current one highlighted.
  const menu = page.getByRole("navigation", { name: "Dashboard" });
  await expect(menu.getByRole("link")).toHaveText(["Overview", "Content", "Requests", "People", "General", "Security → SSO", "Members", "Logs", "Audit"]);
  for (const item of await menu.getByRole("link").all()) await expect(item).toBeInViewport({ ratio: 1 });
  expect(await menu.evaluate((nav) => nav.scrollWidth - nav.clientWidth)).toBeLessThanOrEqual(0);
  await expect(menu.locator('[aria-current="page"]')).toHaveText("Logs");
  // Who is signed in, and as what, shows on a phone too.
  await expect(page.getByText(owner.email, { exact: true })).toBeInViewport();
  await expect(page.getByText("Role: owner", { exact: true })).toBeInViewport();

  // The rejection chart keeps labels one can read: it scrolls in its own box rather than shrinking.
  const scroller = page.getByTestId("rejection-chart-scroller");
  const axisLabel = scroller.locator("svg text").first();
  expect((await axisLabel.boundingBox())!.height).toBeGreaterThanOrEqual(9);
  // It opens on its newest end, where time runs out on the right.
  await expect
    .poll(() => scroller.evaluate((box) => box.scrollWidth > box.clientWidth && box.scrollLeft + box.clientWidth >= box.scrollWidth - 1))
    .toBe(true);

  // The shared secret keeps a usable width next to its buttons.
  await page.goto(`${base}/settings/security/sso`);
  expect((await page.getByLabel("Shared Secret", { exact: true }).boundingBox())!.width).toBeGreaterThan(250);
});

test("a help-center article with a wide table fits a phone's width; the table scrolls in its own box", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "phonehc",
    visibility: "public",
    categories: [
      {
        slug: "billing",
        title: "Billing",
        articles: [
          { slug: "plans", title: "Plans", body: TABLE_ARTICLE },
          { slug: "long-words", title: "Set up the callback", body: LONG_WORDS_ARTICLE },
        ],
      },
    ],
  });
  await page.goto(`${tenant.origin}/articles/plans`);
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Single sign-on" })).toBeAttached();
  await expectNoSidewaysPan(page, "the article page");

  // A long URL and inline code wrap inside the article; the code block keeps its line and scrolls.
  await page.goto(`${tenant.origin}/articles/long-words`);
  expect(LONG_URL).toHaveLength(120);
  await expect(page.getByRole("link", { name: LONG_URL })).toBeVisible();
  await expect(page.locator(".markdown p code")).toHaveText(LONG_CODE);
  await expectNoSidewaysPan(page, "an article with a long URL and inline code");
  const codeBlock = page.locator(".markdown pre");
  expect(await codeBlock.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
  expect((await codeBlock.boundingBox())!.height).toBeLessThan(100); // one line, not wrapped

  await page.goto(`${tenant.origin}/articles/no-such-article`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/`);
  await expectNoSidewaysPan(page, "the home page");
});

// UX review: tenants often send an email address as the name, and a subject may be one long token;
// neither has a space to break at, so "Signed in as …" and the request list ran off a phone.
test("a long email-like name in the header and a long request subject wrap on a phone", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "phonereq",
    visibility: "public",
    categories: [{ slug: "billing", title: "Billing", articles: [{ slug: "plans", title: "Plans", body: "Three plans." }] }],
    sso: { loginUrl: LOGIN_URL },
  });
  const name = "firstname.middlename.lastname.and-a-department@subsidiary.region.example-corporation.com";
  const subject = `ERR_SINGLE_SIGN_ON_CALLBACK_FAILED:${"0123456789abcdef".repeat(6)}`;
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: { email: "long@example.com", name }, mode: "normal" });
  await page.goto(`${tenant.origin}/requests`);
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page.getByLabel("Message", { exact: true }).fill("It fails every time.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("list", { name: "Your requests" }).getByRole("link", { name: subject })).toBeVisible();
  await expectNoSidewaysPan(page, "the requests page");
  await page.getByRole("list", { name: "Your requests" }).getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  await expectNoSidewaysPan(page, "a request's page");
  await page.goto(`${tenant.origin}/`);
  await expect(page.getByRole("list", { name: "Categories" })).toBeVisible();
  await expectNoSidewaysPan(page, "the home page, signed in");
});
