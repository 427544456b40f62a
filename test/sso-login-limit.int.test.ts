// too_many_sign_in_starts: each start at /sso/login writes a redirect key, so one address may only
// hold SIGN_IN_STARTS_PER_ADDRESS unfinished ones per help center. The real route handlers against
// PostgreSQL; the address is the X-Forwarded-For entry scripts/serve.ts appends (no proxies).
import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as finishSignIn } from "@/app/sso/jwt/route";
import { GET as startSignIn } from "@/app/sso/login/route";
import { sharesOneSession } from "@/lib/database-url";
import { env } from "@/lib/env";
import { BINDING_COOKIE } from "@/lib/sso-web/cookies";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";
import { testDatabaseUrl } from "./support/test-database-url";

const LIMIT = env.SIGN_IN_STARTS_PER_ADDRESS;
const LOGIN_URL = "https://app.example/login";

let tenant: ApiTenant;
let address: string;
beforeEach(async () => {
  tenant = await createApiTenant();
  await sql(`UPDATE sso_configs SET login_url = $2, updated_at = now() WHERE tenant_id = $1`, [tenant.id, LOGIN_URL]);
  address = `198.51.100.${randomBytes(1)[0]! % 250}`;
});

function start(on: ApiTenant, from: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://${on.host}/sso/login?return_to=%2Farticles%2Fopen`, {
    headers: { host: on.host, "x-forwarded-for": from, "sec-fetch-dest": "document", ...headers },
  });
  return startSignIn(request);
}

/** Starts from `from` until the limit, each answered with the redirect to the Login URL. */
async function fillUp(on: ApiTenant, from: string): Promise<Response[]> {
  const responses: Response[] = [];
  for (let started = 0; started < LIMIT; started += 1) responses.push(await start(on, from));
  expect(responses.map((response) => response.status)).toEqual(Array(LIMIT).fill(302));
  return responses;
}

async function keysFrom(on: ApiTenant, from: string): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM redirect_keys WHERE tenant_id = $1 AND client_ip = $2`, [on.id, from]);
  return row!.n;
}

describe("GET /sso/login: at most SIGN_IN_STARTS_PER_ADDRESS unfinished starts per address and help center", () => {
  it("refuses the next start with a 429 page that says what failed and what to do, writes no key, and logs it", async () => {
    await fillUp(tenant, address);
    const refused = await start(tenant, address, { "x-request-id": "limit-test-request-1" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("location")).toBeNull();
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const html = await refused.text();
    expect(html).toContain("Too many sign-ins were started from your network in the last few minutes without being finished.");
    expect(html).toContain("Wait a few minutes, then press Try again.");
    expect(html).toContain("too_many_sign_in_starts");
    expect(html).toContain("limit-test-request-1");
    expect(html).toContain(`href="http://${tenant.host}/sso/login?return_to=http%3A%2F%2F${encodeURIComponent(tenant.host)}%2Farticles%2Fopen"`);
    expect(await keysFrom(tenant, address)).toBe(LIMIT);

    const events = await sql(`SELECT event_type, reason_code, client_ip, request_id FROM sso_events WHERE tenant_id = $1 AND outcome = 'rejected'`, [tenant.id]);
    expect(events).toEqual([{ event_type: "sso.redirect_flow.rejected", reason_code: "too_many_sign_in_starts", client_ip: address, request_id: "limit-test-request-1" }]);
  });

  it("counts per address and per help center: another address, or the same one at another help center, still starts", async () => {
    await fillUp(tenant, address);
    expect((await start(tenant, address)).status).toBe(429);
    expect((await start(tenant, "203.0.113.9")).status).toBe(302);
    const other = await createApiTenant();
    await sql(`UPDATE sso_configs SET login_url = $2, updated_at = now() WHERE tenant_id = $1`, [other.id, LOGIN_URL]);
    expect((await start(other, address)).status).toBe(302);
  });

  it("counts an IPv6 client by its /64: new addresses from the same network do not buy new starts", async () => {
    const network = `2001:db8:${randomBytes(2).toString("hex")}:1`;
    for (let started = 0; started < LIMIT; started += 1) expect((await start(tenant, `${network}::${(started + 1).toString(16)}`)).status).toBe(302);
    const next = await start(tenant, `${network}:ffff:ffff:ffff:fffe`);
    expect(next.status).toBe(429);
    // The log keeps the full address the request came from.
    const [event] = await sql<{ client_ip: string }>(`SELECT client_ip FROM sso_events WHERE tenant_id = $1 AND reason_code = 'too_many_sign_in_starts'`, [tenant.id]);
    expect(event!.client_ip).toBe(`${network}:ffff:ffff:ffff:fffe`);
    // The next /64 is another client.
    expect((await start(tenant, `2001:db8:${randomBytes(2).toString("hex")}:2::1`)).status).toBe(302);
  });

  it("frees a place for each start that is finished with a token, and for each that expired", async () => {
    const responses = await fillUp(tenant, address);
    expect((await start(tenant, address)).status).toBe(429);

    // The visitor comes back from the Login URL with a token for the first key.
    const first = responses[0]!;
    const key = new URL(first.headers.get("location")!).searchParams.get("key")!;
    const binding = first.headers.getSetCookie().find((cookie) => cookie.startsWith(`${BINDING_COOKIE}=`))!.split(";")[0]!;
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ jti: key, iat, exp: iat + 120, email: "limit@example.com", name: "Limit Tester" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(tenant.secret));
    const finished = await finishSignIn(new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${jwt}`, { headers: { host: tenant.host, cookie: binding } }));
    expect(finished.status).toBe(303);
    expect((await start(tenant, address)).status).toBe(302);
    expect((await start(tenant, address)).status).toBe(429);

    // Ten minutes later the oldest starts have expired.
    await sql(`UPDATE redirect_keys SET expires_at = now() - interval '1 second' WHERE id IN (SELECT id FROM redirect_keys WHERE tenant_id = $1 AND client_ip = $2 AND used_at IS NULL ORDER BY created_at LIMIT 2)`, [tenant.id, address]);
    expect((await start(tenant, address)).status).toBe(302);
    expect((await start(tenant, address)).status).toBe(302);
    expect((await start(tenant, address)).status).toBe(429);
  });

  it("holds exactly under starts racing at the same instant: the places left are all that are given", async () => {
    for (let started = 0; started < LIMIT - 3; started += 1) expect((await start(tenant, address)).status).toBe(302);
    const racing = await Promise.all(Array.from({ length: 12 }, () => start(tenant, address)));
    const statuses = racing.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(3).fill(302), ...Array(9).fill(429)]);
    expect(await keysFrom(tenant, address)).toBe(LIMIT);
    // Other addresses are not held up by it.
    expect((await start(tenant, "203.0.113.11")).status).toBe(302);
  });

  // Only on PostgreSQL: the embedded database has one session, so nothing can hold a lock apart.
  it.skipIf(sharesOneSession(testDatabaseUrl()))("refuses an address at its limit without queueing behind the lock its other starts take", async () => {
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    const holdLock = async () => {
      await holder.query("BEGIN");
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('redirect-keys:' || $1 || ':' || $2, 0))`, [tenant.id, address]);
    };
    const within = <T,>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), ms))]);
    try {
      for (let started = 0; started < LIMIT - 1; started += 1) expect((await start(tenant, address)).status).toBe(302);
      // First, that this is the lock the starts take: the last place left waits for it.
      await holdLock();
      const lastPlace = start(tenant, address);
      expect(await within(lastPlace, 1000)).toBe("still waiting");
      await holder.query("ROLLBACK");
      expect((await lastPlace).status).toBe(302);

      // At the limit, the refusal does not wait for it.
      await holdLock();
      const refused = await within(start(tenant, address), 3000);
      expect(refused === "still waiting" ? refused : refused.status).toBe(429);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  });

  it("a refusal a fresh token would fix shows its own page instead of bouncing to the Login URL when the address is at the limit", async () => {
    await fillUp(tenant, address);
    const iat = Math.floor(Date.now() / 1000) - 200;
    const expired = await new SignJWT({ jti: randomUUID(), iat, exp: iat + 100, email: "late@example.com", name: "Late Reader" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(tenant.secret));
    const request = (from: string) => new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${expired}`, { headers: { host: tenant.host, "x-forwarded-for": from } });
    const atLimit = await finishSignIn(request(address));
    expect(atLimit.status).toBe(401);
    expect(atLimit.headers.get("location")).toBeNull();
    expect(await atLimit.text()).toContain("token_expired");
    expect(await keysFrom(tenant, address)).toBe(LIMIT);

    // From an address with room, the same refusal bounces as usual.
    const bounced = await finishSignIn(request("203.0.113.10"));
    expect(bounced.status).toBe(303);
    expect(bounced.headers.get("location")).toMatch(/^https:\/\/app\.example\/login\?.*jwt_error=token_expired/);
  });
});
