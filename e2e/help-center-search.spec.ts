// Readers search the help center: best matches first with an excerpt, the same group visibility as
// every other page, and plain answers when nothing matches.
import { expect, test, type Page } from "@playwright/test";
import { customerBackend, LOGIN_URL, type TestUser } from "./support/customer-backend";
import { createTenant } from "./support/tenants";

const categories = [
  {
    slug: "account",
    title: "Your account",
    articles: [
      { slug: "reset-password", title: "Resetting your password", body: "Open **Settings**, then choose *Reset password* and follow the email." },
      { slug: "two-factor", title: "Two-factor sign-in", body: "Protect your account: a password and a code from your phone." },
      { slug: "beta-passkeys", title: "Beta: passkeys instead of a password", body: "Try passkeys under Labs.", requiredGroups: ["beta"] },
    ],
  },
];

async function search(page: Page, origin: string, words: string) {
  await page.goto(`${origin}/`);
  await page.getByRole("searchbox", { name: "Search the help center" }).fill(words);
  await page.getByRole("button", { name: "Search" }).click();
}

test("a reader searches from the home page: matches with excerpts, title matches first, nothing from a group they are not in", async ({ page }) => {
  const tenant = await createTenant({ prefix: "search", categories });
  await search(page, tenant.origin, "passw");
  await expect(page).toHaveURL(`${tenant.origin}/search?q=passw`);
  await expect(page).toHaveTitle(`“passw” · Search · ${tenant.name}`);
  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results).toHaveCount(2);
  await expect(results.first().getByRole("link")).toHaveText("Resetting your password"); // a title match outranks a body match
  await expect(results.first()).toContainText("Open Settings, then choose Reset password and follow the email.");
  await expect(results.nth(1).getByRole("link")).toHaveText("Two-factor sign-in");
  await expect(page.getByText("passkeys")).toHaveCount(0); // the beta article does not exist for this reader
  await results.first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Resetting your password", level: 1 })).toBeVisible();

  await search(page, tenant.origin, "kangaroo");
  await expect(page.getByRole("status")).toHaveText(/No articles match “kangaroo”/);
  await page.goto(`${tenant.origin}/search?q=%20%21%21`);
  await expect(page.getByText("Type a few words from what you are looking for.")).toBeVisible();
});

test("on a private help center, search is for signed-in readers, and finds what their groups allow", async ({ page }) => {
  const tenant = await createTenant({ prefix: "search-private", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const tester: TestUser = { email: "tester@example.com", name: "Beta Tester", groups: ["beta"] };
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: tester, mode: "normal" });
  // Not signed in: the search address goes through sign-in and comes back to the results.
  await page.goto(`${tenant.origin}/search?q=passkeys`);
  await expect(page).toHaveURL(`${tenant.origin}/search?q=passkeys`);
  await expect(page.getByText("Signed in as Beta Tester")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Beta: passkeys instead of a password" })).toBeVisible();
});
