import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { signUpAccount } from "./sign-up";
import { MAX_SIGN_UPS_PER_ADDRESS, THROTTLE_WINDOW_SECONDS } from "./throttle-policy";

// Sign-up is open to anyone, and each one hashes a password and creates an account and a help
// center: one client address gets MAX_SIGN_UPS_PER_ADDRESS per window, counted exactly even when
// they arrive at once, and refused ones never reach the hash or the database.

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

const anIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomBytes(2).toString("hex")}`;
const input = () => {
  const id = randomBytes(5).toString("hex");
  return { email: `founder-${id}@example.com`, password: "a long enough password", tenantName: `Team ${id}`, subdomain: `team-${id}` };
};

async function accountsFor(emails: string[]): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM users WHERE email = ANY($1)`, [emails]);
  return rows[0].n;
}

describe("sign-up per client address", () => {
  it("creates at most the limit's worth of accounts from one address, even sent at once; other addresses are not held up", async () => {
    const ip = anIp();
    const tries = Array.from({ length: MAX_SIGN_UPS_PER_ADDRESS + 3 }, input);
    const outcomes = await Promise.all(tries.map((attempt) => signUpAccount(attempt, ip)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(MAX_SIGN_UPS_PER_ADDRESS);
    const refused = outcomes.filter((outcome) => "retryAfterSeconds" in outcome);
    expect(refused).toHaveLength(3);
    for (const outcome of refused) expect((outcome as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(THROTTLE_WINDOW_SECONDS - 60);
    expect(await accountsFor(tries.map((attempt) => attempt.email))).toBe(MAX_SIGN_UPS_PER_ADDRESS);

    const elsewhere = input();
    expect(await signUpAccount(elsewhere, anIp())).toEqual({ ok: true });
  });

  it("counts a refused sign-up too (a taken subdomain), and lets the address in again once the window is over", async () => {
    const ip = anIp();
    const taken = input();
    expect(await signUpAccount(taken, ip)).toEqual({ ok: true });
    for (let i = 1; i < MAX_SIGN_UPS_PER_ADDRESS; i += 1) {
      expect(await signUpAccount({ ...input(), subdomain: taken.subdomain }, ip)).toEqual({ ok: false, conflict: "subdomain" });
    }
    const over = input();
    expect(await signUpAccount(over, ip)).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    expect(await accountsFor([over.email])).toBe(0);
    const later = new Date(Date.now() + (THROTTLE_WINDOW_SECONDS + 1) * 1000);
    expect(await signUpAccount(over, ip, later)).toEqual({ ok: true });
  });
});
