// Dashboard sign-in: the same answer for unknown accounts and wrong passwords, throttling, and
// trusted browsers (failures from elsewhere do not lock the owner out).
import { expect, test } from "@playwright/test";
import { createMember, TEST_PASSWORD } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

async function attempt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("wrong password and unknown account get the same message; repeated failures lock the account, even with the right password", async ({ page }) => {
  const tenant = await createTenant({ prefix: "throttle" });
  const member = await createMember(tenant.id, "admin");

  await attempt(page, `nobody-${tenant.subdomain}@example.com`, "whatever password");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await attempt(page, member.email, "the wrong password");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  for (let i = 0; i < 4; i += 1) {
    await attempt(page, member.email, `wrong password ${i}`);
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await attempt(page, member.email, TEST_PASSWORD);
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("failures sent from elsewhere do not lock the owner out of a browser they signed in on before", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "trusted" });
  const member = await createMember(tenant.id, "admin");

  // The owner signs in once on their own browser, which remembers it (HttpOnly, so no script reads it).
  await attempt(page, member.email, TEST_PASSWORD);
  await page.waitForURL(new RegExp(`/dashboard/${tenant.subdomain}$`));
  const remembered = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("gatehouse_trusted_browser"));
  expect(remembered).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);

  // Someone who knows the email sends wrong passwords from another browser until the account is locked.
  const elsewhere = await browser.newContext();
  try {
    const attacker = await elsewhere.newPage();
    for (let i = 0; i < 5; i += 1) {
      await attempt(attacker, member.email, `a guess ${i}`);
      await expect(attacker.getByText("Email or password is incorrect.")).toBeVisible();
    }
    await attempt(attacker, member.email, TEST_PASSWORD);
    await expect(attacker.getByText(/Too many failed attempts/)).toBeVisible();
  } finally {
    await elsewhere.close();
  }

  // The owner's browser still signs in.
  await attempt(page, member.email, TEST_PASSWORD);
  await page.waitForURL(new RegExp(`/dashboard/${tenant.subdomain}$`));
});

test("signing up refuses a taken or reserved subdomain with a clear message", async ({ page }) => {
  const tenant = await createTenant({ prefix: "taken" });
  await page.goto("/sign-up");
  // The address shown is the one this server runs on (APP_URL at run time, not at build time).
  await expect(page.getByText(`Your help center will live at <subdomain>.${new URL(page.url()).host}`)).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(`new-${tenant.subdomain}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Help center name", { exact: true }).fill("Mine");
  await page.getByLabel("Subdomain", { exact: true }).fill("www");
  await page.getByRole("button", { name: "Create help center" }).click();
  await expect(page.getByText('"www" is reserved')).toBeVisible();
  // What was typed is still there, the password too (it once had to be typed again).
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(`new-${tenant.subdomain}@example.com`);
  await expect(page.getByLabel("Help center name", { exact: true })).toHaveValue("Mine");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("a long enough password");
  await page.getByLabel("Subdomain", { exact: true }).fill(tenant.subdomain);
  await page.getByRole("button", { name: "Create help center" }).click();
  await expect(page.getByText(`"${tenant.subdomain}" is already taken`)).toBeVisible();
});

test("a refused sign-up is announced, focuses the field to fix and keeps the password, so fixing that field is enough", async ({ page }) => {
  const tenant = await createTenant({ prefix: "signupa11y" });
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(`owner-${tenant.subdomain}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Help center name", { exact: true }).fill("Fresh");
  await page.getByLabel("Subdomain", { exact: true }).fill(tenant.subdomain); // taken
  await page.getByRole("button", { name: "Create help center" }).click();
  // Said only beside the field before: no alert, and focus stayed on the button.
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toBeVisible();
  const subdomain = page.getByLabel("Subdomain", { exact: true });
  await expect(subdomain).toBeFocused();
  await expect(subdomain).toHaveAccessibleDescription(new RegExp(`"${tenant.subdomain}" is already taken`));
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("a long enough password");

  await subdomain.fill(`${tenant.subdomain}-new`);
  await page.getByRole("button", { name: "Create help center" }).click();
  await page.waitForURL(new RegExp(`/dashboard/${tenant.subdomain}-new$`));
});

test("after signing in, the form opens the page it was sent from, and never another site", async ({ page }) => {
  const tenant = await createTenant({ prefix: "callback" });
  const member = await createMember(tenant.id, "admin");
  const signInFrom = async (callbackUrl: string) => {
    await page.goto(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
    await page.getByLabel("Email", { exact: true }).fill(member.email);
    await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  await signInFrom(`/dashboard/${tenant.subdomain}/settings/logs`);
  await expect(page).toHaveURL(new RegExp(`/dashboard/${tenant.subdomain}/settings/logs$`));

  // The URL parser drops a tab, so "/<tab>/evil.example" would read as //evil.example: another site.
  for (const callbackUrl of ["/\t/evil.example", "/..//evil.example", "//evil.example", "https://evil.example/dashboard"]) {
    await page.context().clearCookies();
    await signInFrom(callbackUrl);
    await expect(page).toHaveURL(new RegExp(`/dashboard/${tenant.subdomain}$`));
    expect(new URL(page.url()).hostname).toBe("localhost");
  }
});
