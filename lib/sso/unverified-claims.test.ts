import { describe, expect, it } from "vitest";
import { b64json, b64url, claims, mintToken, NOW_SECONDS, SECRET_B, segments } from "./test-tokens";
import { readUnverifiedToken } from "./unverified-claims";

function hasLoneSurrogate(value: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

function unsigned(header: unknown, payload: unknown, signature = ""): string {
  return `${b64json(header)}.${b64json(payload)}.${signature}`;
}

describe("readUnverifiedToken", () => {
  it("reads the header and the identifying claims of an unsigned token", () => {
    const token = unsigned(
      { alg: "none", typ: "JWT", kid: "key-7" },
      { email: "Jane@Example.com", external_id: "u-1", jti: "j-1", iss: "https://idp.acme.com", aud: "acme-help", iat: 1000, exp: 1300, nbf: 999 },
    );
    expect(readUnverifiedToken(token)).toEqual({
      header: { alg: "none", typ: "JWT", kid: "key-7" },
      email: "Jane@Example.com",
      externalId: "u-1",
      jti: "j-1",
      iss: "https://idp.acme.com",
      aud: "acme-help",
      iat: 1000,
      exp: 1300,
      nbf: 999,
    });
  });

  it("reads a token signed with a secret it does not know, without checking anything", async () => {
    const token = await mintToken(claims({ jti: "j-2" }), SECRET_B, { kid: "b" });
    expect(readUnverifiedToken(token)).toMatchObject({ header: { alg: "HS256", kid: "b" }, jti: "j-2", email: "jane@example.com", iat: NOW_SECONDS - 30 });
  });

  it("joins an array audience", () => {
    expect(readUnverifiedToken(unsigned({ alg: "HS256" }, { aud: ["one", "two", 3] })).aud).toBe("one, two, 3");
  });

  it("drops non-string, non-number members of an array audience and an empty array altogether", () => {
    expect(readUnverifiedToken(unsigned({ alg: "HS256" }, { aud: ["one", null, { x: 1 }, "two"] })).aud).toBe("one, two");
    expect(readUnverifiedToken(unsigned({ alg: "HS256" }, { aud: [] }))).not.toHaveProperty("aud");
  });

  it("never returns the signature", async () => {
    const token = await mintToken(claims({ jti: "j-3" }));
    const signature = segments(token)[2];
    const info = readUnverifiedToken(token);
    expect(JSON.stringify(info)).not.toContain(signature);
    expect(JSON.stringify(info)).not.toContain(token);
    expect(Object.keys(info).sort()).toEqual(["email", "exp", "header", "iat", "jti"].sort());
  });

  it("returns only fields that were present", () => {
    expect(readUnverifiedToken(unsigned({ alg: "HS256" }, { jti: "only" }))).toEqual({ header: { alg: "HS256" }, jti: "only" });
  });

  it("clips long strings to 256 characters", () => {
    const long = "e".repeat(1000);
    const info = readUnverifiedToken(unsigned({ alg: "a".repeat(300), kid: "k".repeat(300) }, { email: long, jti: long, iss: long, aud: [long, long] }));
    expect(info.header.alg).toHaveLength(256);
    expect(info.header.kid).toHaveLength(256);
    expect(info.email).toHaveLength(256);
    expect(info.jti).toHaveLength(256);
    expect(info.iss).toHaveLength(256);
    expect(info.aud).toHaveLength(256);
  });

  it("strips control characters (C0, DEL and C1) before clipping", () => {
    const info = readUnverifiedToken(
      unsigned({ alg: "HS\u0000256", kid: "k\r\nX-Injected: 1" }, { email: "jane@example.com\n2026-06-01 admin logged in", jti: "a\u001b[31mb\u007fc\u0085d", iss: "\t".repeat(300) + "iss" }),
    );
    expect(info.header.alg).toBe("HS256");
    expect(info.header.kid).toBe("kX-Injected: 1");
    expect(info.email).toBe("jane@example.com2026-06-01 admin logged in");
    expect(info.jti).toBe("a[31mbcd");
    expect(info.iss).toBe("iss");
  });

  it("clips strings of astral characters to at most 256 UTF-16 units", () => {
    const info = readUnverifiedToken(unsigned({ alg: "HS256", kid: "😀".repeat(200) }, {}));
    expect(info.header.kid).toBe("😀".repeat(128));
  });

  // Regression: a lone surrogate (sent as a JSON escape, or made by clipping mid-pair) used to reach
  // sso_events.details (jsonb), which PostgreSQL refuses: the rejection went unlogged and the
  // visitor got a 500.
  it("never returns a lone surrogate sent in the header", () => {
    const header = b64url('{"alg":"HS256","kid":"\\ud800"}');
    const info = readUnverifiedToken(`${header}.${b64json({ jti: "j" })}.`);
    expect(hasLoneSurrogate(info.header.kid ?? "")).toBe(false);
  });

  it("never splits a surrogate pair when clipping", () => {
    const info = readUnverifiedToken(unsigned({ alg: "HS256", kid: `a${"😀".repeat(200)}` }, {}));
    expect(hasLoneSurrogate(info.header.kid ?? "")).toBe(false);
  });

  it("keeps finite numbers for times and refuses anything else", () => {
    const info = readUnverifiedToken(unsigned({ alg: "HS256" }, { iat: "1000", exp: 1.5, nbf: null }));
    expect(info.iat).toBeUndefined();
    expect(info.exp).toBe(1.5);
    expect(info).not.toHaveProperty("nbf");
  });

  it("turns a numeric jti or external_id into text", () => {
    const info = readUnverifiedToken(unsigned({ alg: "HS256" }, { jti: 123, external_id: 45 }));
    expect(info.jti).toBe("123");
    expect(info.externalId).toBe("45");
  });

  it("ignores objects where strings are expected", () => {
    const info = readUnverifiedToken(unsigned({ alg: { evil: true } }, { email: ["a@x.com"], jti: { $ne: null } }));
    expect(info).toEqual({ header: {} });
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty string", ""],
    ["garbage", "not a token at all"],
    ["dots only", ".."],
    ["a non-JSON header", `${b64url("nope")}.${b64url("nope")}.sig`],
    ["JSON arrays", `${b64json(["HS256"])}.${b64json([1])}.sig`],
    ["non-base64url characters", "eyJhbGciOiJIUzI1NiJ9+.e30.sig"],
    ["over 64 KiB", `${b64json({ alg: "HS256" })}.${b64json({ email: "a@x.com", pad: "p".repeat(64 * 1024) })}.`],
  ])("returns { header: {} } for %s", (_label, token) => {
    expect(readUnverifiedToken(token)).toEqual({ header: {} });
  });

  it("reads the payload even when the header is garbage", () => {
    expect(readUnverifiedToken(`!!!.${b64json({ jti: "j-9" })}.`)).toEqual({ header: {}, jti: "j-9" });
  });
});
