// The Node.js example on the SSO settings page is real code: run it as a tenant would, and sign in
// with the URL it makes.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childProcessEnv, env } from "@/lib/env";
import { integrationExample } from "@/lib/sso/integration-examples";
import { customerBackend, LOGIN_URL } from "./support/customer-backend";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant, setCustomDomain, testCustomDomain, type TestTenant } from "./support/tenants";

/** The Node.js example, written where `require("jsonwebtoken")` resolves as in a tenant's app; returns its helpCenterSignInUrl's answer. */
function runNodeExample(tenant: TestTenant, code: string, key: string | null, returnTo: string): string {
  const dir = path.resolve("test-results", "integration-example");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tenant.subdomain}.cjs`);
  writeFileSync(file, code);
  const run = spawnSync(
    process.execPath,
    ["-e", `const { helpCenterSignInUrl } = require(${JSON.stringify(file)}); console.log(helpCenterSignInUrl({ id: 7, email: "ex@example.com", name: "Example User" }, ${JSON.stringify(key)}, ${JSON.stringify(returnTo)}));`],
    { env: childProcessEnv({ GATEHOUSE_SSO_SECRET: tenant.secret! }), encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  return run.stdout.trim();
}

test("the Node.js integration example mints a token the real /sso/jwt accepts, issuer and audience included", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "example",
    visibility: "private",
    sso: { enabled: true, loginUrl: "https://app.example.com/login", issuer: "https://app.example.com", audience: "help-center" },
    categories: [{ slug: "start", title: "Start here", articles: [{ slug: "hello", title: "Hello", body: "Welcome aboard." }] }],
  });
  const code = integrationExample("node", { helpCenterOrigins: [tenant.origin], issuer: "https://app.example.com", audience: "help-center" });

  const url = runNodeExample(tenant, code, null, `${tenant.origin}/articles/hello`);
  expect(url.startsWith(`${tenant.origin}/sso/jwt?jwt=`)).toBe(true);

  await page.goto(url);
  await expect(page).toHaveURL(`${tenant.origin}/articles/hello`);
  await expect(page.getByText("Signed in as")).toContainText("Example User");
});

test("the settings page's Copy buttons copy the sign-in endpoint and the example exactly as shown", async ({ page, context }) => {
  const tenant = await createTenant({ prefix: "copyex", sso: { enabled: true, loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const panel = page.locator("#integration");

  await panel.getByRole("button", { name: "Copy sign-in endpoint" }).click();
  await expect(panel.getByText("Sign-in endpoint copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${tenant.origin}/sso/jwt`);

  await panel.getByRole("button", { name: "Copy the node.js example" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(integrationExample("node", { helpCenterOrigins: [tenant.origin], issuer: null, audience: null }));
});

test("with a custom domain, the panel lists both sign-in endpoints, and the example sends each sign-in back to the address it started on", async ({ page, browser }) => {
  const tenant = await createTenant({
    prefix: "twohost",
    visibility: "private",
    sso: { enabled: true, loginUrl: LOGIN_URL },
    categories: [{ slug: "start", title: "Start here", articles: [{ slug: "hello", title: "Hello", body: "Welcome aboard." }] }],
  });
  const domain = testCustomDomain();
  await setCustomDomain(tenant, domain);
  const customOrigin = `http://${domain}:${env.E2E_PORT}`;

  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const panel = page.locator("#integration");
  await expect(panel.getByText(`${customOrigin}/sso/jwt`, { exact: true })).toBeVisible();
  await expect(panel.getByText(`${tenant.origin}/sso/jwt`, { exact: true })).toBeVisible();
  const code = integrationExample("node", { helpCenterOrigins: [customOrigin, tenant.origin], issuer: null, audience: null });
  await expect(panel.locator("pre").first()).toHaveText(code);

  // A reader starts on each address and stops at the Login URL (the test backend holds there); the
  // tenant's handler is then the example, fed the key and return_to we sent. The key is bound to
  // the browser on the starting host only.
  await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: { email: "ex@example.com", name: "Example User" }, mode: "hold" });
  for (const origin of [tenant.origin, customOrigin]) {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto(`${origin}/articles/hello`);
    await expect(reader.getByRole("heading", { name: "Customer app sign-in" })).toBeVisible();
    const login = new URL(reader.url());
    expect(login.origin + login.pathname).toBe(LOGIN_URL);
    const signInUrl = runNodeExample(tenant, code, login.searchParams.get("key"), login.searchParams.get("return_to")!);
    expect(new URL(signInUrl).origin).toBe(origin);
    await reader.goto(signInUrl);
    await expect(reader).toHaveURL(`${origin}/articles/hello`);
    await expect(reader.getByText("Signed in as")).toContainText("Example User");
    await context.close();
  }
});
