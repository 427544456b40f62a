// Tenant admins: sign up, configure JWT SSO, and the role and tenant boundaries around it.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { customerBackend, LOGGED_OUT_URL, LOGIN_URL, mintToken } from "./support/customer-backend";
import { auditActions, createMember, signInToDashboard, ssoConfigRow, tenantIdOf } from "./support/dashboard-users";
import { recordServerActions, replayServerAction } from "./support/server-actions";
import { createTenant, endUserSessions, ssoEvents } from "./support/tenants";

const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString("hex")}`;

async function signUp(page: Page, subdomain: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(`${subdomain}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByLabel("Help center name", { exact: true }).fill(`${subdomain} help`);
  await page.getByLabel("Subdomain", { exact: true }).fill(subdomain);
  await page.getByRole("button", { name: "Create help center" }).click();
  await page.waitForURL(`**/dashboard/${subdomain}`);
}

test("sign up → configure JWT → Generate → Apply → Regenerate (confirm) → validation errors → make private", async ({ page }) => {
  const subdomain = unique("signup");
  await signUp(page, subdomain);
  await expect(page.getByText("Not configured")).toBeVisible();
  await page.getByRole("link", { name: "Set up SSO" }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();

  // Validation errors from the shared schema, shown inline without losing the input.
  await page.getByLabel("Login URL", { exact: true }).fill("http://app.example.com/login");
  await page.getByLabel("Token TTL (seconds)", { exact: true }).fill("10");
  await expect(page.getByLabel("Session length (minutes)", { exact: true })).toHaveValue("720"); // 12 hours by default
  await page.getByLabel("Session length (minutes)", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("Use an https:// URL")).toBeVisible();
  await expect(page.getByText("Token TTL must be between 30 and 86400 seconds.")).toBeVisible();
  await expect(page.getByText("Session length must be between 5 and 43200 minutes.")).toBeVisible();
  await expect(page.getByLabel("Login URL", { exact: true })).toHaveValue("http://app.example.com/login");

  // Generate a secret: shown once, 64 characters.
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("Secret generated.")).toBeVisible();
  const first = await page.getByLabel("Shared Secret", { exact: true }).inputValue();
  expect(first).toHaveLength(64);

  await page.getByLabel("Login URL", { exact: true }).fill("https://app.example.com/sso/help");
  await page.getByLabel("Token TTL (seconds)", { exact: true }).fill("120");
  await page.getByLabel("Session length (minutes)", { exact: true }).fill("90");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();
  const tenantId = await tenantIdOf(subdomain);
  expect(await ssoConfigRow(tenantId)).toMatchObject({ login_url: "https://app.example.com/sso/help", token_ttl_seconds: 120, session_lifetime_seconds: 5400 });
  await page.reload();
  await expect(page.getByLabel("Session length (minutes)", { exact: true })).toHaveValue("90");

  // Regenerate asks first; Cancel keeps the secret.
  await page.getByRole("button", { name: "Regenerate" }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate the shared secret?" });
  await expect(dialog).toContainText("stop working at once");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Regenerate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Regenerate secret" }).click();
  await expect(page.getByText("New secret generated. The old one no longer works.")).toBeVisible();
  const second = await page.getByLabel("Shared Secret", { exact: true }).inputValue();
  expect(second).toHaveLength(64);
  expect(second).not.toBe(first);

  // Private needs SSO on: refused first, with the reason; then on, then private.
  await page.getByRole("radio", { name: /^Private/ }).check();
  await page.getByRole("button", { name: "Save visibility" }).click();
  await expect(page.getByText("Every visitor of a private help center signs in at your Login URL first: turn SSO on, then make it private.")).toBeVisible();
  await page.getByRole("switch", { name: "SSO" }).click();
  await expect(page.getByRole("switch", { name: "SSO" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("radio", { name: /^Private/ }).check();
  await page.getByRole("button", { name: "Save visibility" }).click();
  await expect(page.getByText("The help center is private.")).toBeVisible();

  // The audit trail has it all, and no secret.
  expect(await auditActions(tenantId)).toEqual([
    "tenant.created",
    "sso.secret.generated",
    "sso.settings.updated",
    "sso.secret.regenerated",
    "sso.enabled",
    "tenant.visibility.changed",
  ]);
  await page.goto(`/dashboard/${subdomain}/settings/audit`);
  await expect(page.getByText("Regenerated the shared secret")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(second);
});

test("a support user cannot open SSO settings (403) and a direct POST of the action is refused", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "roles" });
  const admin = await createMember(tenant.id, "admin");
  const support = await createMember(tenant.id, "support");

  // Record the real server-action request the admin's Apply button sends.
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const applyRequest = recordServerActions(page);
  await page.getByLabel("Login URL", { exact: true }).fill("https://admin.example.com/login");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();

  const supportContext = await browser.newContext();
  try {
    const supportPage = await supportContext.newPage();
    await signInToDashboard(supportPage, support.email);
    const response = await supportPage.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
    expect(response?.status()).toBe(403);

    // The same action, posted with the support user's session and a changed Login URL.
    const replay = await replayServerAction(supportContext.request, applyRequest(), (body) => body.replace("https://admin.example.com/login", "https://support.example.com/login"));
    expect(replay.status()).toBe(403);
    expect((await ssoConfigRow(tenant.id))?.login_url).toBe("https://admin.example.com/login");
  } finally {
    await supportContext.close();
  }
});

test("cross-tenant: an admin of A cannot read or change B through the URL or the action payload", async ({ page }) => {
  const a = await createTenant({ prefix: "tenant-a" });
  const b = await createTenant({ prefix: "tenant-b" });
  const admin = await createMember(a.id, "admin");
  await signInToDashboard(page, admin.email);

  expect((await page.goto(`/dashboard/${b.subdomain}/settings/security/sso`))?.status()).toBe(404);
  expect((await page.goto(`/dashboard/${b.subdomain}`))?.status()).toBe(404);

  await page.goto(`/dashboard/${a.subdomain}/settings/security/sso`);
  const applyRequest = recordServerActions(page);
  await page.getByLabel("Login URL", { exact: true }).fill("https://a.example.com/login");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();

  // Same session, same action, B's subdomain in the payload.
  const toB = (body: string) => body.replaceAll(a.subdomain, b.subdomain).replace("https://a.example.com/login", "https://attacker.example/login");
  expect(toB(applyRequest().postData()!)).toContain(b.subdomain);
  const replay = await replayServerAction(page.request, applyRequest(), toB);
  expect(replay.status()).toBe(404);
  expect((await ssoConfigRow(b.id))?.login_url ?? null).not.toBe("https://attacker.example/login");
});

test("a pasted secret replaces the live one only after a confirmation, is saved once, and a refused save takes focus to the field", async ({ page }) => {
  const tenant = await createTenant({ prefix: "paste", sso: { loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const secretBefore = (await ssoConfigRow(tenant.id))!.secret_ciphertext;

  // A refused save: focus lands on the first field in error, not on the button far below it.
  await page.getByLabel("Login URL", { exact: true }).fill("not a url");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByLabel("Login URL", { exact: true })).toBeFocused();
  await page.getByLabel("Login URL", { exact: true }).fill("https://app.example.com/login");

  const pasted = `pasted-${randomBytes(24).toString("hex")}`;
  await page.getByLabel("Shared Secret", { exact: true }).fill(pasted);
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Replace the shared secret?" });
  await expect(dialog).toContainText("stop working at once");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await ssoConfigRow(tenant.id))!.secret_ciphertext).toBe(secretBefore);

  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Replace secret and save" }).click();
  await expect(page.getByText("The shared secret was replaced: the old one no longer works, so update your backend now.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply JWT Settings" })).toBeFocused(); // back where the keyboard user was
  expect((await ssoConfigRow(tenant.id))!.secret_ciphertext).not.toBe(secretBefore);
  // The field starts afresh: the next save does not send the pasted value again, nor ask.
  await expect(page.getByLabel("Shared Secret", { exact: true })).toHaveValue("");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("Nothing changed.")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  expect((await auditActions(tenant.id)).filter((action) => action === "sso.secret.pasted")).toHaveLength(1);
});

test("Notify me records the wish for a provider, keeps focus on the answer, and remembers it", async ({ page }) => {
  const tenant = await createTenant({ prefix: "notify" });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  // Five such buttons side by side: each one's name says which provider it is for.
  const providers = ["SAML 2.0", "OpenID Connect", "Google Workspace", "Okta", "Microsoft Entra ID"];
  for (const provider of providers) {
    await expect(page.getByRole("button", { name: `Notify me when this ships: ${provider}`, exact: true })).toHaveCount(1);
  }
  const saml = page.getByRole("listitem").filter({ hasText: "SAML 2.0" });
  await saml.getByRole("button", { name: "Notify me when this ships: SAML 2.0", exact: true }).click();
  const answer = saml.getByRole("status");
  await expect(answer).toHaveText("We'll let you know");
  await expect(answer).toBeFocused();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "SAML 2.0" }).getByText("We'll let you know")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Okta" }).getByRole("button", { name: "Notify me when this ships: Okta", exact: true })).toBeVisible();
});

test("the Overview tells SSO switched off (a secret set) from SSO never set up, and links to where it goes back on", async ({ page }) => {
  const tenant = await createTenant({ prefix: "sso-off", sso: { enabled: false, loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}`);
  const status = page.getByRole("region", { name: "Single sign-on" });
  await expect(status.getByText("Off", { exact: true })).toBeVisible();
  await expect(status).toContainText("A shared secret is set, but SSO is switched off");
  await expect(status).not.toContainText("Not configured");
  await expect(status.getByRole("link", { name: "Set up SSO" })).toHaveCount(0);

  await status.getByRole("link", { name: "Turn SSO on" }).click();
  const sso = page.getByRole("switch", { name: "SSO" });
  await expect(sso).toHaveAttribute("aria-checked", "false");
  await sso.click();
  await expect(sso).toHaveAttribute("aria-checked", "true");
  await page.goto(`/dashboard/${tenant.subdomain}`);
  await expect(status.getByText("Configured", { exact: true })).toBeVisible();
});

test("Copy without a clipboard (a plain-http address) shows and selects the secret to copy by hand, and the page stays up", async ({ page }) => {
  const tenant = await createTenant({ prefix: "no-clipboard", sso: { loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  // As on http://<a LAN address>: browsers give a plain-http page other than localhost no navigator.clipboard.
  await page.addInitScript(() => {
    delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  expect(await page.evaluate(() => "clipboard" in navigator)).toBe(false);

  const secret = page.getByLabel("Shared Secret", { exact: true });
  const selected = () => secret.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0));
  for (const press of ["first, fetching the secret", "again, with the secret already fetched"]) {
    await secret.evaluate((input: HTMLInputElement) => input.blur());
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Could not copy here: the secret is shown and selected, so copy it yourself" }), press).toBeVisible();
    await expect(secret, press).toHaveAttribute("type", "text");
    await expect(secret, press).toHaveValue(tenant.secret!);
    await expect(secret, press).toBeFocused();
    expect(await selected(), press).toBe(tenant.secret);
  }
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  expect(pageErrors).toEqual([]);
  // It was shown, so it is audited as shown: once, when it was fetched.
  expect(await auditActions(tenant.id)).toEqual(["sso.secret.revealed"]);
});

test("turning SSO off on a private help center is refused with the reason, and the switch stays where it was", async ({ page }) => {
  const tenant = await createTenant({ prefix: "switch", visibility: "private", sso: { enabled: true, loginUrl: "https://app.example.com/login" } });
  const admin = await createMember(tenant.id, "admin");
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const sso = page.getByRole("switch", { name: "SSO" });
  const before = (await sso.boundingBox())!;
  await sso.click();
  await expect(page.getByRole("alert").filter({ hasText: "This help center is private: make it public first" })).toBeVisible();
  await expect(sso).toHaveAttribute("aria-checked", "true");
  expect((await ssoConfigRow(tenant.id))!.enabled).toBe(true);
  const after = (await sso.boundingBox())!;
  expect([after.x, after.y]).toEqual([before.x, before.y]);
});

test("SSO for the widget and API alone: no Login URL needed, no private help center without one, and a private one keeps its Login URL", async ({ page }) => {
  const tenant = await createTenant({ prefix: "tokens-only", sso: { enabled: false } });
  const admin = await createMember(tenant.id, "admin");
  await signInToDashboard(page, admin.email);
  const settingsPage = `/dashboard/${tenant.subdomain}/settings/security/sso`;
  await page.goto(settingsPage);
  const loginUrl = page.getByLabel("Login URL", { exact: true });
  const ttl = page.getByLabel("Token TTL (seconds)", { exact: true });
  const apply = page.getByRole("button", { name: "Apply JWT Settings" });

  // Saved without a Login URL, and SSO turns on, saying what it does and does not do. Sign-ins that
  // must start at the help center need one: refused in the form, with the checkbox to fix.
  await expect(loginUrl).toHaveValue("");
  await ttl.fill("120");
  const startAtHelpCenter = page.getByRole("checkbox", { name: "Only accept sign-ins that start at the help center" });
  await startAtHelpCenter.check();
  await apply.click();
  await expect(page.getByText("Sign-ins start at the help center by going to your Login URL: set one above, or leave this off.")).toBeVisible();
  await expect(startAtHelpCenter).toBeFocused();
  await startAtHelpCenter.uncheck();
  await apply.click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();
  // Pressed from the keyboard: focus stays on the switch while it saves and after.
  const sso = page.getByRole("switch", { name: "SSO" });
  await sso.focus();
  await page.keyboard.press("Enter");
  const switchMessage = page.getByRole("status").filter({ hasText: "SSO is on for the widget and the API. Set a Login URL so readers can sign in at the help center too." });
  await expect(switchMessage).toBeVisible();
  await expect(sso).toHaveAttribute("aria-checked", "true");
  await expect(sso).toBeFocused();

  // Nobody could start a sign-in at a private help center without one.
  await page.getByRole("radio", { name: /^Private/ }).check();
  const saveVisibility = page.getByRole("button", { name: "Save visibility" });
  await saveVisibility.focus();
  await page.keyboard.press("Enter");
  const visibilityRefusal = page.getByRole("alert").filter({ hasText: "Every visitor of a private help center signs in at your Login URL first: set the Login URL, then make it private." });
  await expect(visibilityRefusal).toBeVisible();
  await expect(saveVisibility).toBeFocused();
  // The choice stays beside the reason it was refused.
  await expect(page.getByRole("radio", { name: /^Private/ })).toBeChecked();
  const overview = await page.context().newPage();
  await overview.goto(`/dashboard/${tenant.subdomain}`);
  await expect(overview.getByText("Widget and API only")).toBeVisible();
  await expect(overview.getByText("Tokens work, but there is no Login URL: the help center offers no Sign in.")).toBeVisible();
  await overview.close();

  // With a Login URL it may be private, and the messages that asked for one are gone; removing the
  // Login URL then is refused, keeping what was typed.
  await loginUrl.fill("https://app.example.com/sso/help");
  await apply.click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();
  await expect(switchMessage).toBeHidden();
  await expect(visibilityRefusal).toBeHidden();
  await page.getByRole("radio", { name: /^Private/ }).check();
  await page.getByRole("button", { name: "Save visibility" }).click();
  await expect(page.getByText("The help center is private.")).toBeVisible();
  await loginUrl.fill("");
  await ttl.fill("150");
  await apply.click();
  await expect(page.getByText("This help center is private, and its readers start signing in at the Login URL.")).toBeVisible();
  await expect(loginUrl).toBeFocused();
  await expect(ttl).toHaveValue("150");
  expect(await ssoConfigRow(tenant.id)).toMatchObject({ login_url: "https://app.example.com/sso/help", token_ttl_seconds: 120 });
  await page.goto(`/dashboard/${tenant.subdomain}`);
  await expect(page.getByText("Configured", { exact: true })).toBeVisible();

  expect(await auditActions(tenant.id)).toEqual(["sso.settings.updated", "sso.enabled", "sso.settings.updated", "tenant.visibility.changed"]);
});

test("Logout URL, Issuer, Audience and Clock skew leeway typed in the form take effect: iss/aud and time checks at /sso/jwt, and Sign out lands on the Logout URL", async ({ page, browser }) => {
  const categories = [{ slug: "account", title: "Account", articles: [{ slug: "close-account", title: "Closing your account", body: "Write to support." }] }];
  const tenant = await createTenant({ prefix: "jwt-claims", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const admin = await createMember(tenant.id, "admin");
  const issuer = "https://app.example.com";
  const audience = `gatehouse-${tenant.subdomain}`;
  const reader = { email: "grace@example.com", name: "Grace Hopper" };
  const claimsRow = async () =>
    (await sqlOnce<{ logout_url: string | null; issuer: string | null; audience: string | null; clock_skew_seconds: number }>(
      env.TEST_DATABASE_URL!,
      `SELECT logout_url, issuer, audience, clock_skew_seconds FROM sso_configs WHERE tenant_id = $1`,
      [tenant.id],
    ))[0];

  await signInToDashboard(page, admin.email);
  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  const logoutUrl = page.getByLabel("Logout URL", { exact: true });
  const issuerField = page.getByLabel("Issuer", { exact: true });
  const audienceField = page.getByLabel("Audience", { exact: true });
  const clockSkew = page.getByLabel("Clock skew leeway (seconds)", { exact: true });
  const apply = page.getByRole("button", { name: "Apply JWT Settings" });
  await expect(logoutUrl).toHaveValue("");
  await expect(issuerField).toHaveValue("");
  await expect(audienceField).toHaveValue("");
  await expect(clockSkew).toHaveValue("60");

  // Bad values: each refused with its own field's error, focus on the first, nothing saved.
  await logoutUrl.fill("ftp://app.example.com/logged-out");
  await issuerField.fill(issuer);
  await audienceField.fill(audience);
  await clockSkew.fill("301");
  await apply.click();
  await expect(logoutUrl).toHaveAttribute("aria-invalid", "true");
  await expect(logoutUrl).toHaveAccessibleDescription(/^Use an https:\/\/ URL \(http:\/\/ is only allowed for localhost\)\./);
  await expect(clockSkew).toHaveAttribute("aria-invalid", "true");
  await expect(clockSkew).toHaveAccessibleDescription(/^Clock skew leeway must be between 0 and 300 seconds\./);
  await expect(issuerField).not.toHaveAttribute("aria-invalid", "true");
  await expect(audienceField).not.toHaveAttribute("aria-invalid", "true");
  await expect(logoutUrl).toBeFocused();
  await expect(logoutUrl).toHaveValue("ftp://app.example.com/logged-out"); // what was typed stays to be fixed
  expect(await claimsRow()).toEqual({ logout_url: null, issuer: null, audience: null, clock_skew_seconds: 60 });

  // Fixed and saved.
  await logoutUrl.fill(LOGGED_OUT_URL);
  await clockSkew.fill("200");
  const applyRequest = recordServerActions(page);
  await apply.click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();
  expect(await claimsRow()).toEqual({ logout_url: LOGGED_OUT_URL, issuer, audience, clock_skew_seconds: 200 });
  await page.reload();
  await expect(logoutUrl).toHaveValue(LOGGED_OUT_URL);
  await expect(issuerField).toHaveValue(issuer);
  await expect(audienceField).toHaveValue(audience);
  await expect(clockSkew).toHaveValue("200");
  expect((await ssoConfigRow(tenant.id))?.login_url).toBe(LOGIN_URL); // the fields not touched kept theirs

  // The server is the authority: the same save posted with a leeway above 300 is refused, and saves nothing.
  const tooLarge = (body: string) => body.replace(/(name="[^"]*clockSkewSeconds"\r\n\r\n)200\r\n/, "$1301\r\n");
  expect(tooLarge(applyRequest().postData()!)).not.toBe(applyRequest().postData());
  const replay = await replayServerAction(page.request, applyRequest(), tooLarge);
  expect(await replay.text()).toContain("Clock skew leeway must be between 0 and 300 seconds.");
  expect((await claimsRow())?.clock_skew_seconds).toBe(200);

  // Readers, in a browser of their own.
  const readerContext = await browser.newContext();
  try {
    const help = await readerContext.newPage();
    const signInWith = (token: string) => help.goto(`${tenant.origin}/sso/jwt?${new URLSearchParams({ jwt: token, return_to: "/articles/close-account" })}`);
    const reason = help.locator("dt:text-is('Reason') + dd");
    const now = () => Math.floor(Date.now() / 1000);

    // aud is not the Audience (iss right): refused; iss is not the Issuer (aud right): refused.
    expect((await signInWith(mintToken(tenant.secret!, reader, { iss: issuer, aud: "someone-else" })))?.status()).toBe(401);
    await expect(reason).toHaveText("audience_mismatch");
    expect((await signInWith(mintToken(tenant.secret!, reader, { iss: "https://impostor.example.com", aud: audience })))?.status()).toBe(401);
    await expect(reason).toHaveText("issuer_mismatch");
    // Neither claim at all, as before the settings: refused too.
    expect((await signInWith(mintToken(tenant.secret!, reader)))?.status()).toBe(401);
    await expect(reason).toHaveText("issuer_mismatch");
    expect(await endUserSessions(tenant)).toHaveLength(0);

    // The customer backend signs with the right iss and aud: the redirect flow signs the reader in.
    await customerBackend.register(tenant.subdomain, { helpCenter: tenant.origin, secret: tenant.secret!, user: reader, mode: "normal", issuer, audience });
    await help.goto(`${tenant.origin}/articles/close-account`);
    await expect(help).toHaveURL(`${tenant.origin}/articles/close-account`);
    await expect(help.getByText("Signed in as Grace Hopper")).toBeVisible();
    expect((await customerBackend.log(tenant.subdomain)).received).toHaveLength(1);

    // Sign out lands on the Logout URL, with the session ended on the server.
    await help.getByRole("button", { name: "Sign out" }).click();
    await expect(help).toHaveURL(LOGGED_OUT_URL);
    await expect(help.getByRole("heading", { name: "You left the help center" })).toBeVisible();
    expect((await endUserSessions(tenant)).map((session) => session.revoked_at instanceof Date)).toEqual([true]);

    // The leeway is 200 s, not the default 60: a token issued 150 s ahead of our clock is accepted,
    // one 260 s ahead is refused.
    expect((await signInWith(mintToken(tenant.secret!, reader, { iss: issuer, aud: audience, iat: now() + 260, exp: now() + 380 })))?.status()).toBe(401);
    await expect(reason).toHaveText("iat_in_future");
    await signInWith(mintToken(tenant.secret!, reader, { iss: issuer, aud: audience, iat: now() + 150, exp: now() + 270 }));
    await expect(help).toHaveURL(`${tenant.origin}/articles/close-account`);
    await expect(help.getByText("Signed in as Grace Hopper")).toBeVisible();
    expect(await endUserSessions(tenant)).toHaveLength(2);
  } finally {
    await readerContext.close();
  }
  const events = await ssoEvents(tenant);
  expect(events.filter((event) => event.event_type === "sso.redirect_flow.rejected").map((event) => event.reason_code)).toEqual([
    "audience_mismatch",
    "issuer_mismatch",
    "issuer_mismatch",
    "iat_in_future",
  ]);
  expect(events.filter((event) => event.event_type === "sso.login.succeeded")).toHaveLength(2);
});
