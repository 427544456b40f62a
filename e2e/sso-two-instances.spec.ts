// Two app instances on one database (as behind a load balancer): SSO settings are read fresh on
// every request, so a regenerated secret or a disabled SSO applies on the very next request on
// both, with nothing to invalidate. Requests are made from Node with the tenant's Host header.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { childProcessEnv, env } from "@/lib/env";
import { LOGIN_URL, mintToken } from "./support/customer-backend";
import { getAsHost, type RawReply } from "./support/raw-http";
import { createTenant, newSecret, rotateSecret, setSsoEnabled, type TestTenant } from "./support/tenants";

const FIRST_PORT = env.E2E_PORT;
const SECOND_PORT = 3101;
const PORTS = [FIRST_PORT, SECOND_PORT];
const user = { email: "ops@example.com", name: "Ops Person" };
const categories = [{ slug: "status", title: "Status", articles: [{ slug: "uptime", title: "Uptime", body: "99.9%." }] }];

function get(port: number, tenant: TestTenant, path: string, cookie?: string): Promise<RawReply> {
  return getAsHost(port, `${tenant.subdomain}.localhost`, path, cookie ? { Cookie: cookie } : {});
}

function signInWith(port: number, tenant: TestTenant, secret: string): Promise<RawReply> {
  return get(port, tenant, `/sso/jwt?${new URLSearchParams({ jwt: mintToken(secret, user) })}`);
}

function expectSignedIn(reply: RawReply, port: number, tenant: TestTenant) {
  expect(reply.status, reply.body.slice(0, 500)).toBe(303);
  expect(reply.location).toBe(`http://${tenant.subdomain}.localhost:${port}/`);
  expect(reply.setCookies.some((cookie) => cookie.startsWith("gh_session="))).toBe(true);
}

function expectRejected(reply: RawReply, status: number, reason: string) {
  expect(reply.status).toBe(status);
  expect(reply.body).toContain(`<dt>Reason</dt><dd>${reason}</dd>`);
  expect(reply.setCookies.some((cookie) => cookie.startsWith("gh_session="))).toBe(false);
}

let second: ChildProcess | undefined;
let secondOutput = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  second = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: childProcessEnv({
      DATABASE_URL: env.TEST_DATABASE_URL,
      APP_URL: `http://localhost:${SECOND_PORT}`,
      PORT: String(SECOND_PORT),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so afterAll can stop it and whatever it started
  });
  second.stdout?.on("data", (chunk: Buffer) => (secondOutput += chunk.toString()));
  second.stderr?.on("data", (chunk: Buffer) => (secondOutput += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (second.exitCode !== null) throw new Error(`the second server exited (${second.exitCode}):\n${secondOutput}`);
    const healthy = await fetch(`http://127.0.0.1:${SECOND_PORT}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`the second server did not become healthy:\n${secondOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  const child = second;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
  if (!stopped) process.kill(-child.pid, "SIGKILL");
});

test("after the secret is regenerated, the old secret fails and the new one works on the next request on both instances", async () => {
  const tenant = await createTenant({ prefix: "rotate", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  const oldSecret = tenant.secret!;
  for (const port of PORTS) expectSignedIn(await signInWith(port, tenant, oldSecret), port, tenant);

  // A session started on one instance is valid on the other (one database).
  const sessionCookie = (await signInWith(FIRST_PORT, tenant, oldSecret)).setCookies.find((c) => c.startsWith("gh_session="))!.split(";")[0]!;
  const onSecond = await get(SECOND_PORT, tenant, "/articles/uptime", sessionCookie);
  expect(onSecond.status).toBe(200);
  expect(onSecond.body).toContain("Ops Person");

  const freshSecret = await rotateSecret(tenant, newSecret());
  for (const port of PORTS) expectRejected(await signInWith(port, tenant, oldSecret), 401, "bad_signature");
  for (const port of PORTS) expectSignedIn(await signInWith(port, tenant, freshSecret), port, tenant);
});

test("turning SSO off gives sso_not_configured on both instances at once", async () => {
  const tenant = await createTenant({ prefix: "disable", visibility: "private", categories, sso: { loginUrl: LOGIN_URL } });
  for (const port of PORTS) expectSignedIn(await signInWith(port, tenant, tenant.secret!), port, tenant);

  await setSsoEnabled(tenant, false);
  for (const port of PORTS) {
    expectRejected(await signInWith(port, tenant, tenant.secret!), 403, "sso_not_configured");
    const login = await get(port, tenant, "/sso/login?return_to=%2F");
    expectRejected(login, 403, "sso_not_configured");
    expect(login.location).toBeUndefined();
  }

  await setSsoEnabled(tenant, true);
  for (const port of PORTS) expectSignedIn(await signInWith(port, tenant, tenant.secret!), port, tenant);
});
