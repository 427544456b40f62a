// Settings → Logs read back what real sign-ins wrote: a reader's browser is refused at /sso/jwt in
// three real ways on one private help center (a token signed with another secret, an expired token
// after its one bounce to the Login URL, and a token sent to the custom domain for a sign-in that
// started at the Gatehouse address), and a support member finds each refusal by the reason and the
// request id the reader was shown, reads what happened in plain words, and exports it as CSV.
// Nothing here is written into sso_events by the test: every event comes from /sso/jwt itself.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Locator, type Page, type Response } from "@playwright/test";
import { env } from "@/lib/env";
import { REASONS } from "@/lib/sso/reasons";
import { customerBackend, LOGIN_URL, mintToken } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant, setCustomDomain, testCustomDomain, type TestTenant } from "./support/tenants";
import { readErrorPage } from "./support/refusal-page";

const categories = [
  { slug: "billing", title: "Billing", articles: [{ slug: "refunds", title: "Asking for a refund", body: "Refunds take five days." }] },
];

/** What a reader's browser was shown when it was refused, and the tokens it had carried. */
interface Refusal {
  reason: string;
  requestId: string;
  /** every token the browser carried to /sso/jwt on the way to this page (none may show anywhere) */
  tokens: string[];
}

/** `2026-11-21 14:05:09 UTC`, as the detail page writes a token time. */
function utcText(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

function claimsOf(token: string): { jti: string; exp: number } {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as { jti: string; exp: number };
}

/** The refusal page's reason and request id (the X-Request-Id header says the same). */
async function readRefusalPage(page: Page, response: Response | null, status: number): Promise<{ reason: string; requestId: string }> {
  expect(response?.status()).toBe(status);
  const { reason = "", requestId = "" } = await readErrorPage(page);
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestId).toBe(response?.headers()["x-request-id"]);
  return { reason, requestId };
}

/**
 * No token in this text, nor its claims part or its signature (the header part is the same in every
 * plain HS256 token, so it says nothing about this one).
 */
function expectNoTokenIn(text: string, tokens: string[]): void {
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) {
    expect(text).not.toContain(token);
    for (const part of token.split(".").slice(1)) expect(text).not.toContain(part);
  }
}

const logsOf = (tenant: TestTenant) => `/dashboard/${tenant.subdomain}/settings/logs`;
const eventRows = (page: Page): Locator => page.getByRole("region", { name: "Sign-in events" }).getByRole("row").filter({ has: page.getByRole("cell") });

/**
 * Support's way to an event: the Reason filter, then the request id the reader quoted in Search,
 * then the event's detail link. `expectedForReason` is how many events the reason alone lists.
 */
async function openEventFromLogs(page: Page, tenant: TestTenant, refusal: Refusal, expectedForReason: number): Promise<void> {
  await page.goto(logsOf(tenant));
  await page.getByLabel("Reason", { exact: true }).selectOption(refusal.reason);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("reason") === refusal.reason && !url.searchParams.get("q"));
  await expect(eventRows(page)).toHaveCount(expectedForReason);
  for (const row of await eventRows(page).all()) {
    await expect(row.getByRole("cell").nth(1)).toHaveText("Rejected (sign-in redirect)");
    await expect(row.getByRole("cell").nth(2)).toHaveText(refusal.reason);
  }

  await page.getByLabel("Search", { exact: true }).fill(refusal.requestId);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("reason") === refusal.reason && url.searchParams.get("q") === refusal.requestId);
  await expect(page.getByLabel("Reason", { exact: true })).toHaveValue(refusal.reason);
  const row = eventRows(page);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(4)).toContainText(refusal.requestId);
  await row.getByRole("link", { name: /^Details of the event at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${logsOf(tenant)}/\\d+\\?`));

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Rejected \\(sign-in redirect\\)\\s*${refusal.reason}$`));
  await expect(page.getByRole("region", { name: "Request", exact: true })).toContainText(refusal.requestId);
  expectNoTokenIn(await page.content(), refusal.tokens);
}

test("support finds three real refusals of one reader by reason and request id, reads why in plain words, and exports one as CSV", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const tenant = await createTenant({ prefix: "realrefusals", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const domain = testCustomDomain();
  await setCustomDomain(tenant, domain);
  const customOrigin = `http://${domain}:${env.E2E_PORT}`;
  const reader = { email: `rowan-${tenant.subdomain}@example.com`, name: "Rowan Reader" };
  const article = `${tenant.origin}/articles/refunds`;

  const readerContext = await browser.newContext();
  let badSignature: Refusal, expired: Refusal, keyMismatch: Refusal;
  try {
    const readerPage = await readerContext.newPage();

    // 1. The tenant's backend signs with a secret that is not the shared one: refused at once.
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode: "wrong-secret" });
    let shown = await readRefusalPage(readerPage, await readerPage.goto(article), 401);
    expect(shown.reason).toBe("bad_signature");
    let log = await customerBackend.log(tenant.subdomain);
    expect(log.received).toHaveLength(1);
    expect(log.tokens).toHaveLength(1);
    badSignature = { ...shown, tokens: log.tokens.slice(0, 1) };
    expect(readerPage.url()).toContain(badSignature.tokens[0]); // the page refused the very token the backend sent

    // 2. Its clock is half an hour behind: the expired token earns one bounce to the Login URL, and
    //    the second expired token in a row shows the page.
    await customerBackend.setMode(tenant.subdomain, "expired");
    shown = await readRefusalPage(readerPage, await readerPage.goto(article), 401);
    expect(shown.reason).toBe("token_expired");
    log = await customerBackend.log(tenant.subdomain);
    expect(log.received.slice(1).map((query) => query.jwt_error)).toEqual([undefined, "token_expired"]);
    expect(log.tokens).toHaveLength(3);
    expired = { ...shown, tokens: log.tokens.slice(1, 3) };
    expect(claimsOf(expired.tokens[1]!).exp).toBeLessThan(Date.now() / 1000 - 1700);

    // 3. The sign-in starts at the Gatehouse address (the backend holds at its Login URL) but the
    //    backend sends the token for that key to the custom domain.
    await customerBackend.setMode(tenant.subdomain, "hold");
    await readerPage.goto(article);
    await expect(readerPage.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
    log = await customerBackend.log(tenant.subdomain);
    const start = log.received.at(-1)!;
    expect(log.received).toHaveLength(4);
    expect(start).toMatchObject({ subdomain: tenant.subdomain, return_to: article });
    const keyToken = mintToken(tenant.secret!, reader, { jti: start.key! });
    shown = await readRefusalPage(readerPage, await readerPage.goto(`${customOrigin}/sso/jwt?${new URLSearchParams({ jwt: keyToken })}`), 401);
    expect(new URL(readerPage.url()).origin).toBe(customOrigin);
    expect(shown.reason).toBe("key_mismatch");
    keyMismatch = { ...shown, tokens: [keyToken] };

    const requestIds = [badSignature.requestId, expired.requestId, keyMismatch.requestId];
    expect(new Set(requestIds).size).toBe(3);
  } finally {
    await readerContext.close();
  }

  // A support member looks each one up.
  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  const whatHappened = page.getByRole("region", { name: "What happened" });

  // bad_signature: a different secret, and the claims marked as unverified.
  await openEventFromLogs(page, tenant, badSignature, 1);
  await expect(whatHappened).toContainText(
    "The token's signature does not match this help center's shared secret: it was signed with a different secret (an old one, or another environment's).",
  );
  await expect(whatHappened).toContainText("Failed check: HS256 signature made with the shared secret");
  await expect(whatHappened).toContainText(`How to fix it: ${REASONS.bad_signature.ownerHint}`);
  await expect(page.getByText(/^Unverified: the signature did not verify/)).toBeVisible();
  await expect(page.getByRole("region", { name: "The token, as read" })).toContainText(`"email": "${reader.email}"`);

  // token_expired: both refusals of the bounce are listed; the one the reader quoted says when the
  // token expired and how late it came.
  await openEventFromLogs(page, tenant, expired, 2);
  const exp = claimsOf(expired.tokens[1]!).exp;
  await expect(whatHappened).toContainText(new RegExp(`The token expired at ${utcText(exp)} and reached us 30 min( \\d+ s)? later\\.`));
  await expect(whatHappened).toContainText("Failed check: Token times: exp, nbf, iat and the Token TTL");
  const claims = page.getByRole("region", { name: "The token, as read" });
  await expect(claims).toContainText(`"jti": "${claimsOf(expired.tokens[1]!).jti}"`);
  await expect(claims).not.toContainText(claimsOf(expired.tokens[0]!).jti);
  await expect(page.getByText(/^Unverified: the signature did not verify/)).toHaveCount(0);

  // key_mismatch: names the address the sign-in started at, the Gatehouse address.
  await openEventFromLogs(page, tenant, keyMismatch, 1);
  await expect(whatHappened).toContainText(
    `The sign-in started at ${tenant.origin}, but the token was sent to another address of this help center. The key belongs to the browser's visit at the address where the sign-in started, and only works there.`,
  );
  await expect(whatHappened).not.toContainText(domain);
  await expect(whatHappened).toContainText("Failed check: Started at the help center (redirect key)");

  // The export with the bad_signature filter holds that one event, and no token.
  await page.goto(logsOf(tenant));
  await page.getByLabel("Reason", { exact: true }).selectOption("bad_signature");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("reason") === "bad_signature");
  await expect(eventRows(page)).toHaveCount(1);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(new URL(download.url()).searchParams.get("reason")).toBe("bad_signature");
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\n")[0]).toBe(
    "occurred_at,event_type,outcome,reason_code,repeat_count,email,external_id,jti,iss,aud,iat,exp,signature_verified,claim,detail,client_ip,user_agent,request_id",
  );
  const records = parse(csv, { columns: true }) as Record<string, string>[];
  expect(records).toEqual([
    expect.objectContaining({
      event_type: "sso.redirect_flow.rejected",
      outcome: "rejected",
      reason_code: "bad_signature",
      repeat_count: "1",
      email: reader.email,
      jti: claimsOf(badSignature.tokens[0]!).jti,
      signature_verified: "false",
      request_id: badSignature.requestId,
    }),
  ]);
  for (const other of [expired, keyMismatch]) expect(csv).not.toContain(other.requestId);
  expectNoTokenIn(csv, badSignature.tokens);
});
