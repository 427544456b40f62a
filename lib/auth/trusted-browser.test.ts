import { randomBytes } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { issueTrustedBrowser, readTrustedBrowser, TRUSTED_BROWSER_DAYS } from "./trusted-browser";

const key = new Uint8Array(randomBytes(32));
const now = new Date("2026-11-22T10:00:00Z");
const daysLater = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

describe("trusted-browser cookie", () => {
  it("names the browser to the account it was issued for, whatever the email's case or spaces", async () => {
    const { value, browserId } = await issueTrustedBrowser("Ada@Example.com", key, now);
    expect(browserId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readTrustedBrowser(value, "ada@example.com", key, now)).toBe(browserId);
    expect(await readTrustedBrowser(value, " ADA@example.COM ", key, daysLater(1))).toBe(browserId);
  });

  it("gives each sign-in a browser id of its own", async () => {
    const first = await issueTrustedBrowser("ada@example.com", key, now);
    const second = await issueTrustedBrowser("ada@example.com", key, now);
    expect(first.browserId).not.toBe(second.browserId);
  });

  it("is nothing for another account: a cookie from one's own account does not lift the limit of someone else's", async () => {
    const { value } = await issueTrustedBrowser("mallory@example.com", key, now);
    expect(await readTrustedBrowser(value, "ada@example.com", key, now)).toBeNull();
  });

  it(`lasts ${TRUSTED_BROWSER_DAYS} days`, async () => {
    const { value, browserId } = await issueTrustedBrowser("ada@example.com", key, now);
    expect(await readTrustedBrowser(value, "ada@example.com", key, daysLater(TRUSTED_BROWSER_DAYS - 1))).toBe(browserId);
    expect(await readTrustedBrowser(value, "ada@example.com", key, daysLater(TRUSTED_BROWSER_DAYS + 1))).toBeNull();
  });

  it("is nothing when signed with another key, edited, unsigned, or not a token at all", async () => {
    const { value } = await issueTrustedBrowser("ada@example.com", key, now);
    const otherKey = new Uint8Array(randomBytes(32));
    expect(await readTrustedBrowser(value, "ada@example.com", otherKey, now)).toBeNull();

    const [header, , signature] = value.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "ada@example.com", aud: "gatehouse:trusted-browser", jti: "x", exp: 4102444800 })).toString("base64url");
    expect(await readTrustedBrowser(`${header}.${forgedPayload}.${signature}`, "ada@example.com", key, now)).toBeNull();

    const unsigned = new UnsecuredJWT({ jti: "x" }).setSubject("ada@example.com").setAudience("gatehouse:trusted-browser").setExpirationTime("1d").encode();
    expect(await readTrustedBrowser(unsigned, "ada@example.com", key, now)).toBeNull();

    for (const junk of [undefined, "", "not-a-token", "a.b.c", "x".repeat(5000)]) {
      expect(await readTrustedBrowser(junk, "ada@example.com", key, now)).toBeNull();
    }
  });

  it("is nothing for another token signed with the same key: only one made for this purpose counts", async () => {
    const seconds = Math.floor(now.getTime() / 1000);
    const otherPurpose = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("ada@example.com").setJti("x").setIssuedAt(seconds).setExpirationTime(seconds + 60).sign(key);
    expect(await readTrustedBrowser(otherPurpose, "ada@example.com", key, now)).toBeNull();
  });

  it("is nothing when signed with the same key but another algorithm: only HS256 is ours", async () => {
    const seconds = Math.floor(now.getTime() / 1000);
    for (const alg of ["HS384", "HS512"]) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg })
        .setSubject("ada@example.com")
        .setAudience("gatehouse:trusted-browser")
        .setJti("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9")
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + 60)
        .sign(key);
      expect(await readTrustedBrowser(token, "ada@example.com", key, now)).toBeNull();
    }
  });
});
