import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { checkCredentials, TooManyAttempts } from "./credentials";
import { hashPassword } from "./password";
import { MAX_FAILURES, THROTTLE_WINDOW_SECONDS } from "./throttle-policy";

const sql = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(() => sql.connect());
afterAll(() => sql.end());

const PASSWORD = "the right password";
const passwordHash = hashPassword(PASSWORD);

async function insertUser(): Promise<{ id: string; email: string }> {
  const user = { id: randomUUID(), email: `throttled-${randomBytes(4).toString("hex")}@example.com` };
  await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, 'T', $3, now())`, [user.id, user.email, await passwordHash]);
  return user;
}

const anIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomBytes(2).toString("hex")}`;

/** What an attempt came to: "user", "wrong" (null) or "throttled". */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    return (await attempt) ? "user" : "wrong";
  } catch (error) {
    if (error instanceof TooManyAttempts) return "throttled";
    throw error;
  }
}

describe("dashboard password check", () => {
  it("checks at most the limit's worth of guesses sent at once; the rest, and then the right password, are refused unchecked", async () => {
    const user = await insertUser();
    const ip = anIp();
    const guesses = Array.from({ length: MAX_FAILURES.account + 5 }, (_, i) => outcome(checkCredentials(user.email, `guess ${i}`, ip)));
    const outcomes = await Promise.all(guesses);
    expect(outcomes.filter((result) => result === "wrong")).toHaveLength(MAX_FAILURES.account);
    expect(outcomes.filter((result) => result === "throttled")).toHaveLength(5);
    expect(await outcome(checkCredentials(user.email.toUpperCase(), PASSWORD, anIp()))).toBe("throttled");
  });

  it("signs in with the right password, and successes from one address never use up its limit", async () => {
    const user = await insertUser();
    const ip = anIp();
    for (let i = 0; i < MAX_FAILURES.ip + 2; i += 1) {
      expect(await checkCredentials(user.email, PASSWORD, ip)).toEqual({ id: user.id, email: user.email, name: "T" });
    }
    // Failures from that address still count: an unknown email as much as a wrong password.
    const strangers = Array.from({ length: MAX_FAILURES.ip }, (_, i) => outcome(checkCredentials(`nobody-${i}-${randomBytes(3).toString("hex")}@example.com`, "x", ip)));
    expect(new Set(await Promise.all(strangers))).toEqual(new Set(["wrong"]));
    expect(await outcome(checkCredentials(user.email, PASSWORD, ip))).toBe("throttled");
  });

  it("failures sent by others lock the account for new browsers, never for a browser its owner signed in on before", async () => {
    const user = await insertUser();
    const ownersBrowser = randomUUID();
    // Someone who knows the email sends wrong passwords until the account is over its limit.
    for (let i = 0; i < MAX_FAILURES.account; i += 1) expect(await outcome(checkCredentials(user.email, `guess ${i}`, anIp()))).toBe("wrong");
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp()))).toBe("throttled");
    // The owner, on the browser they signed in on, still gets in; the account stays locked for the rest.
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp(), new Date(), ownersBrowser))).toBe("user");
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp()))).toBe("throttled");
  });

  it("a trusted browser's own failures spend its trust for good, and the account's limit then applies to it; other browsers are unaffected", async () => {
    const user = await insertUser();
    const copiedCookiesBrowser = randomUUID();
    // Sent all at once with a copied cookie: the browser's five, then the account's five, then nothing.
    const guesses = Array.from({ length: MAX_FAILURES.browser + MAX_FAILURES.account + 3 }, (_, i) =>
      outcome(checkCredentials(user.email, `guess ${i}`, anIp(), new Date(), copiedCookiesBrowser)),
    );
    const outcomes = await Promise.all(guesses);
    expect(outcomes.filter((result) => result === "wrong")).toHaveLength(MAX_FAILURES.browser + MAX_FAILURES.account);
    expect(outcomes.filter((result) => result === "throttled")).toHaveLength(3);
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp(), new Date(), copiedCookiesBrowser))).toBe("throttled");

    // A quarter of an hour on, the account's count starts over but the copied cookie's trust stays
    // spent: it gets the account's five, not five more of its own.
    const later = new Date(Date.now() + (THROTTLE_WINDOW_SECONDS + 1) * 1000);
    const laterGuesses = Array.from({ length: MAX_FAILURES.account + 2 }, (_, i) =>
      outcome(checkCredentials(user.email, `later guess ${i}`, anIp(), later, copiedCookiesBrowser)),
    );
    expect((await Promise.all(laterGuesses)).filter((result) => result === "wrong")).toHaveLength(MAX_FAILURES.account);

    // The owner's own browser was not affected.
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp(), later, randomUUID()))).toBe("user");
  });

  it("a trusted browser's success moves its owner to a new cookie and count, and leaves the old one's count as it was", async () => {
    const user = await insertUser();
    // Each success issues a new cookie with a new id (trusted-browser-cookie.ts): the owner's next
    // attempts count under that id, so their typos never add up across sign-ins.
    let ownersBrowser = randomUUID();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < MAX_FAILURES.browser - 1; i += 1) expect(await outcome(checkCredentials(user.email, "typo", anIp(), new Date(), ownersBrowser))).toBe("wrong");
      expect(await outcome(checkCredentials(user.email, PASSWORD, anIp(), new Date(), ownersBrowser))).toBe("user");
      const copiedBefore = ownersBrowser;
      ownersBrowser = randomUUID();
      // A copy of the cookie the success replaced keeps its count: one guess left, then spent.
      if (round === 0) {
        expect(await outcome(checkCredentials(user.email, "guess", anIp(), new Date(), copiedBefore))).toBe("wrong");
        const afterSpent = await outcome(checkCredentials(user.email, "guess 2", anIp(), new Date(), copiedBefore));
        expect(afterSpent).toBe("wrong"); // spent: counted against the account now (its first failure)
      }
    }
    // The owner's typos never touched the account's count; the spent copy's one guess did.
    const fresh = Array.from({ length: MAX_FAILURES.account - 1 }, () => outcome(checkCredentials(user.email, "x", anIp())));
    expect(new Set(await Promise.all(fresh))).toEqual(new Set(["wrong"]));
    expect(await outcome(checkCredentials(user.email, PASSWORD, anIp()))).toBe("throttled");
  });

  it("someone behind the same address cannot lock out a trusted browser either; every other browser there is held to the address's limit", async () => {
    const user = await insertUser();
    const ip = anIp();
    const strangers = Array.from({ length: MAX_FAILURES.ip }, (_, i) => outcome(checkCredentials(`nobody-${i}-${randomBytes(3).toString("hex")}@example.com`, "x", ip)));
    expect(new Set(await Promise.all(strangers))).toEqual(new Set(["wrong"]));
    expect(await outcome(checkCredentials(user.email, PASSWORD, ip))).toBe("throttled");
    expect(await outcome(checkCredentials(user.email, PASSWORD, ip, new Date(), randomUUID()))).toBe("user");
  });
});
