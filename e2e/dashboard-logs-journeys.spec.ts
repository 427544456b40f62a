// Settings → Logs beyond filtering and paging (e2e/dashboard-logs.spec.ts): an event's detail page,
// the time range, the rejections chart, the CSV export, and what a URL or a parameter can reach
// across tenants and roles. Events are written straight into sso_events (the hourly rollup follows
// by trigger), each test with its own tenants, users and request ids.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { env } from "@/lib/env";
import { REASONS } from "@/lib/sso/reasons";
import { mintToken } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { readErrorPage } from "./support/refusal-page";
import { createTenant } from "./support/tenants";

interface EventRow {
  tenantId: string;
  occurredAt: Date;
  outcome: "success" | "rejected";
  reasonCode?: string;
  email?: string;
  jti?: string;
  requestId?: string;
  repeatCount?: number;
  details?: Record<string, unknown>;
}

const EVENT_TYPE = { success: "sso.login.succeeded", rejected: "sso.redirect_flow.rejected" } as const;

/** Inserts the events in order and returns their ids (bigint as text). */
async function insertEvents(rows: EventRow[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  try {
    const ids: string[] = [];
    for (const row of rows) {
      const result = await client.query<{ id: string }>(
        `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, jti, request_id, repeat_count, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          row.tenantId, row.occurredAt, EVENT_TYPE[row.outcome], row.outcome, row.reasonCode ?? null, row.email ?? null, row.jti ?? null,
          row.requestId ?? null, row.repeatCount ?? 1, JSON.stringify(row.details ?? {}),
        ],
      );
      ids.push(result.rows[0]!.id);
    }
    return ids;
  } finally {
    await client.end();
  }
}

/** A whole second `ms` milliseconds ago (the detail page's durations then come out exact). */
function ago(ms: number): Date {
  return new Date(Math.floor((Date.now() - ms) / 1000) * 1000);
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The table link's accessible name for an event at `date`. */
function detailLinkName(date: Date): string {
  return `Details of the event at ${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** `YYYY-MM-DDTHH:MM` in UTC, what the From/To (UTC) inputs take. */
function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

function csvLines(text: string): string[] {
  return text.split("\n").filter((line) => line.length > 0);
}

const rows = (page: Page) => page.locator("tbody tr");

test("support opens an event's detail from a filtered list: explanation, failed check, token, the same user's other events, and back with the filters", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-detail" });
  const support = await createMember(tenant.id, "support");
  const email = `ada-${tenant.subdomain}@example.com`;
  const otherEmail = `grace-${tenant.subdomain}@example.com`;
  const at = ago(HOUR);
  const iat = at.getTime() / 1000 + 95;
  const [iatEventId, , , badSignatureId] = await insertEvents([
    {
      tenantId: tenant.id, occurredAt: at, outcome: "rejected", reasonCode: "iat_in_future", email, jti: `jti-${tenant.subdomain}`,
      requestId: `rq-${tenant.subdomain}-iat`,
      details: { verified: true, header: { alg: "HS256", typ: "JWT" }, iat, exp: iat + 120, detail: "iat is 95 s ahead of our clock" },
    },
    { tenantId: tenant.id, occurredAt: ago(2 * HOUR), outcome: "success", email, requestId: `rq-${tenant.subdomain}-ok` },
    {
      tenantId: tenant.id, occurredAt: ago(3 * HOUR), outcome: "rejected", reasonCode: "token_expired", email, requestId: `rq-${tenant.subdomain}-exp`,
      details: { verified: true, exp: Math.floor(Date.now() / 1000) - 4 * 3600 },
    },
    {
      tenantId: tenant.id, occurredAt: ago(30 * 60_000), outcome: "rejected", reasonCode: "bad_signature", email: otherEmail,
      requestId: `rq-${tenant.subdomain}-sig`, details: { verified: false, header: { alg: "HS256", typ: "JWT" }, iat: 1, exp: 2 },
    },
  ]);

  await signInToDashboard(page, support.email);
  const logs = `/dashboard/${tenant.subdomain}/settings/logs`;
  await page.goto(`${logs}?reason=iat_in_future&range=30d`);
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("link", { name: detailLinkName(at), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/logs/${iatEventId}\\?`));

  await expect(page.getByRole("heading", { level: 1 })).toContainText("iat_in_future");
  const whatHappened = page.getByRole("region", { name: "What happened" });
  // Clock offsets are told in seconds, as NTP tools report them.
  await expect(whatHappened).toContainText(`issued at ${new Date(iat * 1000).toISOString().replace("T", " ").slice(0, 19)} UTC, after it reached us`);
  await expect(whatHappened).toContainText("the signing server's clock is ahead of ours by about 95 s");
  await expect(whatHappened).toContainText("Failed check: Token times: exp, nbf, iat and the Token TTL");
  await expect(whatHappened).toContainText(`How to fix it: ${REASONS.iat_in_future.ownerHint}`);

  const token = page.getByRole("region", { name: "The token, as read" });
  await expect(token).toContainText('"alg": "HS256"');
  await expect(token).toContainText('"typ": "JWT"');
  await expect(token).toContainText(`"email": "${email}"`);
  await expect(token).toContainText(`"jti": "jti-${tenant.subdomain}"`);
  await expect(token).toContainText(`"iat": "${iat} (`);
  await expect(token).not.toContainText("Unverified");

  const sameUser = page.getByRole("region", { name: `Other recent events of ${email}` });
  await expect(sameUser.getByRole("listitem")).toHaveCount(2);
  await expect(sameUser.getByRole("listitem").nth(0)).toContainText("Signed in");
  await expect(sameUser.getByRole("listitem").nth(1)).toContainText("token_expired");
  await expect(sameUser).not.toContainText("bad_signature");

  await page.getByRole("link", { name: "← Back to logs" }).click();
  await expect(page).toHaveURL((url) => url.pathname === logs && url.searchParams.get("reason") === "iat_in_future" && url.searchParams.get("range") === "30d");
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("iat_in_future");
  await expect(page.getByLabel("Time range", { exact: true })).toHaveValue("30d");
  await expect(rows(page)).toHaveCount(1);

  // A signature that did not verify: the values shown are whatever the sender wrote.
  await page.goto(`${logs}/${badSignatureId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("bad_signature");
  await expect(page.getByText(/^Unverified: the signature did not verify/)).toBeVisible();
  await expect(page.getByRole("region", { name: "What happened" })).toContainText("Failed check: HS256 signature made with the shared secret");
  await expect(page.getByRole("region", { name: `Other recent events of ${otherEmail}` })).toContainText("None.");
});

test("the time range: last 7 days by default, last 30 days, and a custom UTC window", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-range" });
  const support = await createMember(tenant.id, "support");
  const threeDaysAgo = ago(3 * DAY);
  const rq = (name: string) => `rq-${tenant.subdomain}-${name}`;
  await insertEvents([
    { tenantId: tenant.id, occurredAt: ago(2 * HOUR), outcome: "success", email: "recent@example.com", requestId: rq("2h") },
    { tenantId: tenant.id, occurredAt: threeDaysAgo, outcome: "rejected", reasonCode: "bad_signature", email: "mid@example.com", requestId: rq("3d") },
    { tenantId: tenant.id, occurredAt: ago(20 * DAY), outcome: "rejected", reasonCode: "token_expired", email: "old@example.com", requestId: rq("20d") },
  ]);

  await signInToDashboard(page, support.email);
  const logs = `/dashboard/${tenant.subdomain}/settings/logs`;
  await page.goto(logs);
  const timeRange = page.getByLabel("Time range", { exact: true });
  await expect(timeRange).toHaveValue("7d");
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText(rq("2h"));
  await expect(rows(page).nth(1)).toContainText(rq("3d"));
  await expect(page.locator("tbody")).not.toContainText(rq("20d"));

  await timeRange.selectOption({ label: "Last 30 days" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]range=30d/);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(2)).toContainText(rq("20d"));

  // "Custom (UTC)" reveals the bounds (once the page is interactive: retry until it is).
  const from = page.getByLabel("From (UTC)", { exact: true });
  const to = page.getByLabel("To (UTC)", { exact: true });
  await expect(from).toHaveCount(0);
  await expect(async () => {
    await timeRange.selectOption("7d");
    await timeRange.selectOption({ label: "Custom (UTC)" });
    await expect(from).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(to).toBeVisible();
  await expect(from).toHaveAttribute("type", "datetime-local");
  await expect(to).toHaveAttribute("type", "datetime-local");
  const windowFrom = utcMinute(new Date(threeDaysAgo.getTime() - HOUR));
  const windowTo = utcMinute(new Date(threeDaysAgo.getTime() + HOUR));
  await from.fill(windowFrom);
  await to.fill(windowTo);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get("range") === "custom" && url.searchParams.get("from") === windowFrom && url.searchParams.get("to") === windowTo,
  );
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(rq("3d"));
  // The page comes back with the window it used.
  await expect(timeRange).toHaveValue("custom");
  await expect(from).toHaveValue(windowFrom);
  await expect(to).toHaveValue(windowTo);
});

// Regression: "Custom (UTC)" with the dates left empty and Filter silently showed the last 7 days.
test("Custom (UTC) with no dates: the filter says to choose one and which range is shown meanwhile", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-nodates" });
  const support = await createMember(tenant.id, "support");
  const rq = (name: string) => `rq-${tenant.subdomain}-${name}`;
  await insertEvents([
    { tenantId: tenant.id, occurredAt: ago(3 * DAY), outcome: "rejected", reasonCode: "bad_signature", requestId: rq("3d") },
    { tenantId: tenant.id, occurredAt: ago(20 * DAY), outcome: "rejected", reasonCode: "token_expired", requestId: rq("20d") },
  ]);

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  const timeRange = page.getByLabel("Time range", { exact: true });
  const from = page.getByLabel("From (UTC)", { exact: true });
  const to = page.getByLabel("To (UTC)", { exact: true });
  await expect(async () => {
    await timeRange.selectOption("7d");
    await timeRange.selectOption({ label: "Custom (UTC)" });
    await expect(from).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("range") === "custom" && url.searchParams.get("from") === "" && url.searchParams.get("to") === "");

  // Custom stays chosen, with the reason beside its empty dates; the chart names the range in effect.
  const problem = "Choose a start or end date for a custom range. No date was given, so the last 7 days are shown.";
  await expect(timeRange).toHaveValue("custom");
  await expect(page.getByText(problem, { exact: true })).toBeVisible();
  await expect(from).toHaveAccessibleDescription(problem);
  await expect(to).toHaveAccessibleDescription(problem);
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(from).toHaveValue("");
  await expect(page.getByRole("heading", { name: /^Rejections per hour · last 7 days · 1 in total$/ })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(rq("3d"));

  // With a start date the custom range is used and the message goes.
  const start = utcMinute(ago(30 * DAY));
  await from.fill(start);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("range") === "custom" && url.searchParams.get("from") === start);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByText(problem, { exact: true })).toHaveCount(0);
  await expect(from).not.toHaveAttribute("aria-invalid", "true");
});

// Regression: at 390 px the chart opened scrolled to its newest end, its y-axis numbers off-screen.
test("on a phone the chart opens on its newest bars with its y axis still in view", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-axis" });
  const support = await createMember(tenant.id, "support");
  await insertEvents([
    { tenantId: tenant.id, occurredAt: ago(HOUR), outcome: "rejected", reasonCode: "bad_signature", requestId: `rq-${tenant.subdomain}-1`, repeatCount: 20 },
  ]);

  await page.setViewportSize({ width: 390, height: 844 });
  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  const scroller = page.getByTestId("rejection-chart-scroller");
  await expect
    .poll(() => scroller.evaluate((box) => box.scrollWidth > box.clientWidth && box.scrollLeft > 0 && box.scrollLeft + box.clientWidth >= box.scrollWidth - 1))
    .toBe(true);
  const box = (await scroller.boundingBox())!;
  const within = (shown: { x: number; width: number } | null) => shown !== null && shown.x >= box.x - 0.5 && shown.x + shown.width <= box.x + box.width + 0.5;

  // The scale's numbers (the date labels have dashes) are inside the box, at its left edge...
  const scale = scroller.locator("svg text").filter({ hasText: /^\d[\d,]*$/ });
  await expect(scale).toHaveText(["0", "10", "20"]);
  for (const label of await scale.all()) {
    const shown = await label.boundingBox();
    expect(within(shown), `y-axis label ${await label.textContent()} at ${JSON.stringify(shown)}, box ${JSON.stringify(box)}`).toBe(true);
    expect(shown!.x).toBeLessThan(box.x + 60);
  }
  // ...and the newest bar is in view too, right of them.
  const bar = scroller.locator("rect").filter({ has: page.locator("title", { hasText: "bad_signature: 20" }) });
  const shownBar = await bar.boundingBox();
  expect(within(shownBar)).toBe(true);
  expect(shownBar!.x).toBeGreaterThan((await scale.first().boundingBox())!.x + 10);
});

test("an event's detail claims no check it did not run: the origin check with the restriction off, and a token that could not be decoded", async ({ page, browser }) => {
  // Real refusals at /sso/jwt, on a help center with "Only accept sign-ins from these domains" off.
  const tenant = await createTenant({ prefix: "logs-honest", sso: { restrictSignInOrigins: false } });
  const reader = { email: `kim-${tenant.subdomain}@example.com`, name: "Kim Reader" };
  const readerContext = await browser.newContext();
  let malformed: { reason?: string; requestId?: string };
  let expired: { reason?: string; requestId?: string };
  try {
    const readerPage = await readerContext.newPage();
    await readerPage.goto(`${tenant.origin}/sso/jwt?jwt=garbage`);
    malformed = await readErrorPage(readerPage);
    expect(malformed.reason).toBe("token_malformed");
    const now = Math.floor(Date.now() / 1000);
    await readerPage.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: mintToken(tenant.secret!, reader, { iat: now - 200, exp: now - 100 }) })}`);
    expired = await readErrorPage(readerPage);
    expect(expired.reason).toBe("token_expired");
  } finally {
    await readerContext.close();
  }

  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  const logs = `/dashboard/${tenant.subdomain}/settings/logs`;
  const openEvent = async (requestId: string, reason: string) => {
    await page.goto(`${logs}?q=${requestId}`);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).getByRole("link", { name: /^Details of the event at / }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(reason);
  };
  const checks = page.getByRole("region", { name: "Checks, in order" });
  const originCheck = checks.getByRole("listitem").filter({ hasText: "The request comes from an allowed site" });

  await openEvent(expired.requestId!, "token_expired");
  await expect(originCheck).not.toContainText("✓");
  await expect(originCheck).not.toContainText("passed");
  await expect(originCheck).toHaveText("— The request comes from an allowed site (Not checked: the origin restriction is off)");
  await expect(checks.getByRole("listitem").filter({ hasText: "HS256 signature made with the shared secret" })).toContainText("✓");

  // jwt=garbage: nothing of it decoded, said as Test a token says it (never "{}").
  await openEvent(malformed.requestId!, "token_malformed");
  const token = page.getByRole("region", { name: "The token, as read" });
  await expect(token.locator("pre")).toHaveText(["Could not be decoded.", "Could not be decoded."]);
  await expect(token).not.toContainText("{}");
  await expect(originCheck).not.toContainText("✓");
});

test("the rejections chart counts repeats, shows each reason's count, and a reason filters the table", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-chart" });
  const support = await createMember(tenant.id, "support");
  const rq = (name: string) => `rq-${tenant.subdomain}-${name}`;
  await insertEvents([
    // A flood folded into one row: 7 identical rejections.
    { tenantId: tenant.id, occurredAt: ago(3 * HOUR), outcome: "rejected", reasonCode: "bad_signature", requestId: rq("flood"), repeatCount: 7 },
    { tenantId: tenant.id, occurredAt: ago(26 * HOUR), outcome: "rejected", reasonCode: "token_expired", requestId: rq("exp-1") },
    { tenantId: tenant.id, occurredAt: ago(20 * 60_000), outcome: "rejected", reasonCode: "token_expired", requestId: rq("exp-2") },
    // Not counted: a success, and a rejection outside the last 7 days.
    { tenantId: tenant.id, occurredAt: ago(HOUR), outcome: "success", email: "ok@example.com", requestId: rq("ok") },
    { tenantId: tenant.id, occurredAt: ago(10 * DAY), outcome: "rejected", reasonCode: "token_expired", requestId: rq("old"), repeatCount: 5 },
  ]);

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  await expect(page.getByTestId("rejection-total")).toHaveText("9");
  const perReason = page.getByRole("list", { name: "Rejections per reason" });
  await expect(perReason.getByRole("listitem")).toHaveCount(2);
  await expect(perReason.getByRole("listitem").filter({ hasText: "bad_signature" })).toHaveText(/^\s*bad_signature\s*7\s*$/);
  await expect(perReason.getByRole("listitem").filter({ hasText: "token_expired" })).toHaveText(/^\s*token_expired\s*2\s*$/);
  await expect(rows(page)).toHaveCount(4);

  await perReason.getByRole("link", { name: "token_expired", exact: true }).click();
  await expect(page).toHaveURL(/[?&]reason=token_expired/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText(rq("exp-2"));
  await expect(rows(page).nth(1)).toContainText(rq("exp-1"));
  await expect(page.getByTestId("rejection-total")).toHaveText("2");

  // The filter form says what the table shows, so pressing Filter again keeps the reason.
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("token_expired");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]reason=token_expired/);
  await expect(rows(page)).toHaveCount(2);
});

test("Export CSV downloads exactly the filtered events, with spreadsheet formulas defused", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-export" });
  const support = await createMember(tenant.id, "support");
  const rq = (name: string) => `rq-${tenant.subdomain}-${name}`;
  await insertEvents([
    { tenantId: tenant.id, occurredAt: ago(4 * HOUR), outcome: "rejected", reasonCode: "bad_signature", email: "=cmd@example.com", requestId: rq("sig-1"), details: { verified: false } },
    { tenantId: tenant.id, occurredAt: ago(3 * HOUR), outcome: "rejected", reasonCode: "bad_signature", email: "b@example.com", requestId: rq("sig-2"), repeatCount: 3 },
    { tenantId: tenant.id, occurredAt: ago(2 * HOUR), outcome: "rejected", reasonCode: "bad_signature", email: "c@example.com", requestId: rq("sig-3") },
    { tenantId: tenant.id, occurredAt: ago(90 * 60_000), outcome: "rejected", reasonCode: "token_expired", email: "d@example.com", requestId: rq("exp") },
    { tenantId: tenant.id, occurredAt: ago(HOUR), outcome: "success", email: "e@example.com", requestId: rq("ok") },
  ]);

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/logs`);
  await page.getByLabel("Reason", { exact: true }).selectOption("bad_signature");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]reason=bad_signature/);
  await expect(rows(page)).toHaveCount(3);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^gatehouse-logs-${tenant.subdomain}-.*\\.csv$`));
  const csv = await readFile(await download.path(), "utf8");
  const lines = csvLines(csv);
  expect(lines[0]).toMatch(/^occurred_at,event_type,outcome,reason_code,/);
  expect(lines).toHaveLength(1 + 3);
  for (const line of lines.slice(1)) expect(line).toContain(",sso.redirect_flow.rejected,rejected,bad_signature,");
  expect(lines.slice(1).map((line) => line.split(",").at(-1))).toEqual([rq("sig-3"), rq("sig-2"), rq("sig-1")]);
  expect(csv).not.toContain(rq("exp"));
  expect(csv).not.toContain(rq("ok"));
  expect(lines[2]).toContain(",bad_signature,3,b@example.com,");
  // The formula is written with a leading apostrophe, never as a cell starting with "=".
  expect(lines[3]).toContain(",'=cmd@example.com,");
  expect(lines.some((line) => line.split(",").some((cell) => cell.startsWith("=")))).toBe(false);
});

test("a support member of one tenant reaches nothing of another, by URL or by parameter; signed out, the export answers 401", async ({ page, browser, baseURL }) => {
  const tenantA = await createTenant({ prefix: "logs-iso-a" });
  const tenantB = await createTenant({ prefix: "logs-iso-b" });
  const support = await createMember(tenantA.id, "support");
  const bEmail = `victim-${tenantB.subdomain}@example.com`;
  const bRequestId = `rq-${tenantB.subdomain}-secret`;
  const [bEventId] = await insertEvents([
    { tenantId: tenantB.id, occurredAt: ago(HOUR), outcome: "rejected", reasonCode: "bad_signature", email: bEmail, requestId: bRequestId, repeatCount: 4 },
  ]);
  await insertEvents([
    { tenantId: tenantA.id, occurredAt: ago(2 * HOUR), outcome: "rejected", reasonCode: "token_expired", email: `a-${tenantA.subdomain}@example.com`, requestId: `rq-${tenantA.subdomain}-1` },
    { tenantId: tenantA.id, occurredAt: ago(HOUR), outcome: "success", email: `a-${tenantA.subdomain}@example.com`, requestId: `rq-${tenantA.subdomain}-2` },
  ]);
  const logsA = `/dashboard/${tenantA.subdomain}/settings/logs`;
  const logsB = `/dashboard/${tenantB.subdomain}/settings/logs`;

  await signInToDashboard(page, support.email);
  const notFound = page.getByRole("heading", { name: "Page not found" });

  let response = await page.goto(logsB);
  expect(response?.status()).toBe(404);
  await expect(notFound).toBeVisible();
  await expect(page.locator("body")).not.toContainText(bRequestId);

  response = await page.goto(`${logsA}/${bEventId}`);
  expect(response?.status()).toBe(404);
  await expect(notFound).toBeVisible();
  await expect(page.locator("body")).not.toContainText(bEmail);

  const exportB = await page.request.get(`${logsB}/export`);
  expect(exportB.status()).toBe(404);
  expect(await exportB.text()).not.toContain(bRequestId);

  await page.goto(`${logsA}?q=${encodeURIComponent(bRequestId)}`);
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText("No events match these filters in the last 7 days.")).toBeVisible();
  await expect(page.getByTestId("rejection-total")).toHaveText("0");

  const exportA = await page.request.get(`${logsA}/export?q=${encodeURIComponent(bEmail)}&range=1y`);
  expect(exportA.status()).toBe(200);
  const lines = csvLines(await exportA.text());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^occurred_at,event_type,outcome,reason_code,/);

  // A's own chart: its one rejection, none of B's four.
  await page.goto(logsA);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("rejection-total")).toHaveText("1");
  await expect(page.getByRole("list", { name: "Rejections per reason" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Rejections per reason" })).not.toContainText("bad_signature");

  const signedOut = await browser.newContext({ baseURL });
  try {
    const anonymous = await signedOut.request.get(`${logsA}/export`);
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.text()).not.toContain("occurred_at");
  } finally {
    await signedOut.close();
  }
});

test("an editor cannot open an event's detail (403) nor export the logs (403)", async ({ page }) => {
  const tenant = await createTenant({ prefix: "logs-editor" });
  const editor = await createMember(tenant.id, "editor");
  const requestId = `rq-${tenant.subdomain}-1`;
  const [eventId] = await insertEvents([
    { tenantId: tenant.id, occurredAt: ago(HOUR), outcome: "rejected", reasonCode: "bad_signature", email: "someone@example.com", requestId },
  ]);
  const logs = `/dashboard/${tenant.subdomain}/settings/logs`;

  await signInToDashboard(page, editor.email);
  const response = await page.goto(`${logs}/${eventId}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(requestId);

  const exported = await page.request.get(`${logs}/export`);
  expect(exported.status()).toBe(403);
  expect(await exported.text()).not.toContain(requestId);
});
