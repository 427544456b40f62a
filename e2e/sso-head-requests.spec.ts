// HEAD on the /sso routes changes nothing. Link checkers and chat apps unfurling a pasted link send
// HEAD; Next would otherwise answer it by running GET: spending the token, starting a session, or
// ending one.
import { expect, test, type Page } from "@playwright/test";
import { LOGIN_URL, mintToken } from "./support/customer-backend";
import { createTenant, endUserSessions, ssoEvents } from "./support/tenants";

const user = { email: "head@example.com", name: "Hedy Lamarr" };

/** HEAD from the page itself: Node's resolver does not know *.localhost, the browser does. */
async function head(page: Page, url: string): Promise<{ status: number; allow: string | null }> {
  return page.evaluate(async (target) => {
    const response = await fetch(target, { method: "HEAD", redirect: "manual" });
    return { status: response.status, allow: response.headers.get("allow") };
  }, url);
}

test("HEAD on /sso/jwt, /sso/login, /sso/logout and /sso/cookie answers 405 and spends, starts and ends nothing", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "head",
    visibility: "private",
    categories: [{ slug: "basics", title: "Basics", articles: [] }],
    sso: { loginUrl: LOGIN_URL },
  });
  const signInUrl = `${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: mintToken(tenant.secret!, user) })}`;
  // A page on the help center's origin that needs no session, to send the requests from.
  await page.goto(`${tenant.origin}/sso/logout`);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();

  expect(await head(page, signInUrl)).toEqual({ status: 405, allow: "GET, POST" });
  expect(await head(page, `${tenant.origin}/sso/login`)).toEqual({ status: 405, allow: "GET" });
  expect(await endUserSessions(tenant)).toHaveLength(0);
  expect(await ssoEvents(tenant)).toHaveLength(0);

  // The token was not spent: the browser signs in with it.
  await page.goto(signInUrl);
  await expect(page.getByText("Signed in as Hedy Lamarr")).toBeVisible();

  expect(await head(page, `${tenant.origin}/sso/logout`)).toEqual({ status: 405, allow: "GET, POST" });
  expect(await head(page, `${tenant.origin}/sso/cookie`)).toEqual({ status: 405, allow: "GET" });
  await page.reload();
  await expect(page.getByText("Signed in as Hedy Lamarr")).toBeVisible();
  const sessions = await endUserSessions(tenant);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ revoked_at: null, email: user.email });
});
