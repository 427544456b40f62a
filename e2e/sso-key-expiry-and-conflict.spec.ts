// Two refusals through the real browser flow: a redirect key that expired while the reader was at
// the Login URL (key_expired: bounced once to the Login URL with a new key, then signed in), and a
// token whose email belongs to another end user with another external id (user_conflict: 403 page,
// no session, logged).
import { expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";
import { REASONS } from "@/lib/sso/reasons";
import { sqlOnce } from "@/test/support/sql";
import { customerBackend, LOGIN_URL, mintToken, type Mode, type TestUser } from "./support/customer-backend";
import { createTenant, endUserSessions, ssoEvents, type TestCategory, type TestTenant } from "./support/tenants";
import { readErrorPage, recordNavigations } from "./support/refusal-page";

const categories: TestCategory[] = [
  { slug: "billing", title: "Billing", articles: [{ slug: "refunds", title: "Asking for a refund", body: "Refunds take five days." }] },
];
const loginUrlPattern = new RegExp(`^${LOGIN_URL.replace(/[.]/g, "\\.")}\\?`);
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);
}

async function privateTenant(prefix: string, user: TestUser, mode: Mode): Promise<TestTenant> {
  const tenant = await createTenant({ prefix, visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode });
  return tenant;
}

async function rejections(tenant: TestTenant) {
  return (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.redirect_flow.rejected");
}

async function successes(tenant: TestTenant) {
  return (await ssoEvents(tenant)).filter((event) => event.event_type === "sso.login.succeeded");
}

test("a redirect key that expired at the Login URL bounces once with jwt_error=key_expired and a new key; the next token signs the reader in", async ({
  page,
}) => {
  const reader = { email: "kim@example.com", name: "Kim Example", external_id: "cust-kim" };
  const tenant = await privateTenant("keyexpired", reader, "hold");
  const wanted = `${tenant.origin}/articles/refunds`;
  const navigations = recordNavigations(page);

  // The reader wants a page and is sent to the Login URL with a key, where they linger.
  await page.goto(wanted);
  await expect(page).toHaveURL(loginUrlPattern);
  await expect(page.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
  const first = (await customerBackend.log(tenant.subdomain)).received;
  expect(first).toEqual([{ subdomain: tenant.subdomain, key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), return_to: wanted }]);
  const expiredKey = first[0]!.key!;

  // Ten minutes pass: the key's lifetime runs out.
  const aged = await sql<{ id: string }>(
    `UPDATE redirect_keys SET expires_at = now() - interval '1 minute'
      WHERE tenant_id = $1 AND key_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING id`,
    [tenant.id, hashOpaqueToken(expiredKey)],
  );
  expect(aged).toHaveLength(1);

  // The customer's app finally sends the reader back with a token for that key.
  const lateToken = mintToken(tenant.secret!, reader, { jti: expiredKey });
  await page.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: lateToken })}`);

  // key_expired is one a fresh token fixes: back to the Login URL once, with the reason and a new key.
  expect(REASONS.key_expired.freshTokenFixes).toBe(true);
  await expect(page).toHaveURL(loginUrlPattern);
  const bounced = new URL(page.url());
  expect(Object.fromEntries(bounced.searchParams)).toEqual({
    subdomain: tenant.subdomain,
    key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    return_to: wanted,
    jwt_error: "key_expired",
    from_url: wanted,
  });
  const newKey = bounced.searchParams.get("key")!;
  expect(newKey).not.toBe(expiredKey);
  const received = (await customerBackend.log(tenant.subdomain)).received;
  expect(received).toHaveLength(2);
  expect(received[1]).toEqual(Object.fromEntries(bounced.searchParams));
  const jwtNavigations = navigations.filter((n) => n.url.startsWith(`${tenant.origin}/sso/jwt`));
  expect(jwtNavigations.map((n) => n.status)).toEqual([303]);
  expect(await endUserSessions(tenant)).toHaveLength(0);

  const rejected = await rejections(tenant);
  expect(rejected).toEqual([expect.objectContaining({ reason_code: "key_expired", jti: expiredKey, email: reader.email, external_id: reader.external_id })]);
  expect(rejected[0]!.repeat_count).toBe(1);

  // The customer's app finishes normally at the Login URL it was bounced to: a token for the new key.
  await customerBackend.setMode(tenant.subdomain, "normal");
  await page.reload();
  await expect(page).toHaveURL(wanted);
  await expect(page.getByText("Signed in as Kim Example")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Asking for a refund", level: 1 })).toBeVisible();
  await expect(page.getByText("Refunds take five days.")).toBeVisible();

  const { received: afterwards, tokens } = await customerBackend.log(tenant.subdomain);
  expect(afterwards).toHaveLength(3);
  expect(afterwards[2]!.key).toBe(newKey);
  const lastClaims = JSON.parse(Buffer.from(tokens.at(-1)!.split(".")[1]!, "base64url").toString("utf8")) as { jti: string };
  expect(lastClaims.jti).toBe(newKey);
  expect(navigations.filter((n) => n.url.startsWith(`${tenant.origin}/sso/jwt`)).map((n) => n.status)).toEqual([303, 303]);

  const sessions = await endUserSessions(tenant);
  expect(sessions).toEqual([expect.objectContaining({ email: reader.email, revoked_at: null })]);
  expect(await successes(tenant)).toEqual([expect.objectContaining({ jti: newKey, email: reader.email, details: expect.objectContaining({ viaRedirectKey: true }) })]);
  // Still exactly one key_expired refusal: the successful finish added none.
  expect((await rejections(tenant)).map((event) => event.reason_code)).toEqual(["key_expired"]);
});

test("a token whose email belongs to another end user with another external id is refused with user_conflict (403): no session, logged", async ({ browser }) => {
  const alice = { email: "alice@example.com", name: "Alice Example", external_id: "cust-alice" };
  const bob = { email: "bob@example.com", name: "Bob Example", external_id: "cust-bob" };
  const tenant = await privateTenant("conflict", alice, "normal");
  const wanted = `${tenant.origin}/articles/refunds`;

  /** A reader in a browser of their own opens the page; the customer's app signs them in as `user`. */
  async function readerArrives(user: TestUser) {
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user, mode: "normal" });
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(wanted);
    return { context, page, response };
  }

  // Two people sign in, each with their own external id and email.
  for (const person of [alice, bob]) {
    const { context, page } = await readerArrives(person);
    await expect(page).toHaveURL(wanted);
    await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
    await context.close();
  }
  const people = async () =>
    sql<{ email: string; name: string; external_id: string | null }>(`SELECT email, name, external_id FROM end_users WHERE tenant_id = $1 ORDER BY email`, [tenant.id]);
  const before = await people();
  expect(before).toEqual([
    { email: alice.email, name: alice.name, external_id: alice.external_id },
    { email: bob.email, name: bob.name, external_id: bob.external_id },
  ]);
  const sessionsBefore = await endUserSessions(tenant);
  expect(sessionsBefore.map((session) => session.email)).toEqual([alice.email, bob.email]);

  const conflicts = [
    // A new external id with Alice's email: the email belongs to a user with another external id.
    { name: "unknown external id", user: { email: alice.email, name: "Carol Example", external_id: "cust-carol" } },
    // Bob's external id with Alice's email: the external id names Bob, the email names Alice.
    { name: "known external id", user: { email: alice.email, name: bob.name, external_id: bob.external_id } },
  ];
  const requestIds: string[] = [];
  for (const conflict of conflicts) {
    await test.step(conflict.name, async () => {
      const loginsBefore = (await customerBackend.log(tenant.subdomain)).received.length;
      const { context, page, response } = await readerArrives(conflict.user);
      try {
        expect(response?.status()).toBe(REASONS.user_conflict.status);
        expect(REASONS.user_conflict.status).toBe(403);
        expect(response?.url()).toMatch(new RegExp(`^${tenant.origin.replace(/[.]/g, "\\.")}/sso/jwt\\?jwt=`));
        const shown = await readErrorPage(page);
        expect(shown.reason).toBe("user_conflict");
        expect(shown.requestId).toMatch(REQUEST_ID);
        expect(shown.requestId).toBe(response?.headers()["x-request-id"]);
        await expect(page.getByText(REASONS.user_conflict.title)).toBeVisible();
        // Another attempt would be refused the same way: no Try again.
        await expect(page.getByRole("link", { name: "Try again" })).toHaveCount(0);
        requestIds.push(shown.requestId!);

        // Not worth a bounce: the Login URL was visited once for this reader, without jwt_error.
        const received = (await customerBackend.log(tenant.subdomain)).received.slice(loginsBefore);
        expect(received).toEqual([{ subdomain: tenant.subdomain, key: expect.any(String), return_to: wanted }]);

        // No session for this browser, none in the database, and nobody's account was changed.
        expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("gh_session"))).toEqual([]);
        const sessionsAfter = await endUserSessions(tenant);
        expect(sessionsAfter.map((session) => session.id)).toEqual(sessionsBefore.map((session) => session.id));
        expect(await people()).toEqual(before);
        // Opening the page again starts a new sign-in instead of showing it.
        await customerBackend.setMode(tenant.subdomain, "hold");
        await page.goto(wanted);
        await expect(page).toHaveURL(loginUrlPattern);
        await expect(page.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
      } finally {
        await context.close();
      }
    });
  }

  const rejected = await rejections(tenant);
  expect(rejected).toEqual(
    conflicts.map((conflict, index) =>
      expect.objectContaining({
        reason_code: "user_conflict",
        outcome: "rejected",
        request_id: requestIds[index],
        email: conflict.user.email,
        external_id: conflict.user.external_id,
      }),
    ),
  );
  expect((await successes(tenant)).map((event) => event.email)).toEqual([alice.email, bob.email]);
});
