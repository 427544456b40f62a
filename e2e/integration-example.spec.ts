// The Node.js example on the SSO settings page is real code: run it as a tenant would, and sign in
// with the URL it makes.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childProcessEnv } from "@/lib/env";
import { integrationExample } from "@/lib/sso/integration-examples";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

test("the Node.js integration example mints a token the real /sso/jwt accepts, issuer and audience included", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "example",
    visibility: "private",
    sso: { enabled: true, loginUrl: "https://app.example.com/login", issuer: "https://app.example.com", audience: "help-center" },
    categories: [{ slug: "start", title: "Start here", articles: [{ slug: "hello", title: "Hello", body: "Welcome aboard." }] }],
  });
  const code = integrationExample("node", { helpCenterOrigin: tenant.origin, issuer: "https://app.example.com", audience: "help-center" });

  // Inside the project, so `require("jsonwebtoken")` resolves as it would in a tenant's app.
  const dir = path.resolve("test-results", "integration-example");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${tenant.subdomain}.cjs`);
  writeFileSync(file, code);
  const run = spawnSync(
    process.execPath,
    ["-e", `const { helpCenterSignInUrl } = require(${JSON.stringify(file)}); console.log(helpCenterSignInUrl({ id: 7, email: "ex@example.com", name: "Example User" }, null));`],
    { env: childProcessEnv({ GATEHOUSE_SSO_SECRET: tenant.secret! }), encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  const url = run.stdout.trim();
  expect(url.startsWith(`${tenant.origin}/sso/jwt?jwt=`)).toBe(true);

  await page.goto(`${url}&return_to=${encodeURIComponent("/articles/hello")}`);
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
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(integrationExample("node", { helpCenterOrigin: tenant.origin, issuer: null, audience: null }));
});
