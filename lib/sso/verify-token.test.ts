import { describe, expect, it } from "vitest";
import { b64json, b64url, claims, handToken, hmac, mintToken, NOW, NOW_SECONDS, SECRET_A, SECRET_B, segments, ssoConfig } from "./test-tokens";
import { MAX_CLOCK_SKEW_SECONDS, MAX_TOKEN_BYTES, MAX_VALIDITY_SECONDS, REQUIRED_CLAIMS, verifySsoToken, type SignatureMemo, type TokenVerification } from "./verify-token";

const config = ssoConfig();

async function verifyClaims(payload: Record<string, unknown>, cfg = config): Promise<TokenVerification> {
  return verifySsoToken(await mintToken(payload), cfg, NOW);
}

function expectOk(result: TokenVerification) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.token;
}

describe("verifySsoToken: a good token", () => {
  it("returns the jti, times and the normalised profile", async () => {
    const payload = claims({
      jti: "abc-123",
      email: "  Jane.Doe@Example.COM ",
      name: "  Jane Doe ",
      external_id: 42,
      role: "editor",
      lang: "pt-BR",
      avatar_url: "https://cdn.example.com/a.png",
      custom_fields: { plan: "gold", seats: 5 },
      groups: ["support", " billing ", "support"],
    });
    const token = expectOk(await verifyClaims(payload));
    expect(token).toEqual({
      jti: "abc-123",
      iss: null,
      aud: null,
      iat: NOW_SECONDS - 30,
      exp: NOW_SECONDS + 270,
      profile: {
        email: "jane.doe@example.com",
        name: "Jane Doe",
        externalId: "42",
        role: "editor",
        lang: "pt-BR",
        avatarUrl: "https://cdn.example.com/a.png",
        customFields: { plan: "gold", seats: 5 },
        groups: ["support", "billing"],
      },
    });
  });

  it("leaves optional profile fields null when absent", async () => {
    const token = expectOk(await verifyClaims(claims()));
    expect(token.profile).toEqual({
      email: "jane@example.com",
      name: "Jane Doe",
      externalId: null,
      role: null,
      lang: null,
      avatarUrl: null,
      customFields: null,
      groups: null,
    });
  });

  it("accepts permission_groups as an alias for groups", async () => {
    const token = expectOk(await verifyClaims(claims({ permission_groups: ["agents", "vip"] })));
    expect(token.profile.groups).toEqual(["agents", "vip"]);
  });

  it("accepts a hand-built HS256 token with typ JWT and an nbf in the past", async () => {
    const token = handToken({ alg: "HS256", typ: "JWT" }, claims({ nbf: NOW_SECONDS - 30 }));
    expect(expectOk(await verifySsoToken(token, config, NOW)).jti).toBe("jti-0001");
  });
});

describe("verifySsoToken: sso_not_configured", () => {
  it.each([
    ["no configuration", null],
    ["SSO turned off", ssoConfig({ enabled: false })],
    ["no secret", ssoConfig({ secret: null })],
    ["an empty secret", ssoConfig({ secret: "" })],
  ])("refuses with %s", async (_label, cfg) => {
    const token = await mintToken();
    expect(await verifySsoToken(token, cfg, NOW)).toEqual({ ok: false, reason: "sso_not_configured" });
  });

  it("is decided before the token is even looked at", async () => {
    expect(await verifySsoToken("x".repeat(MAX_TOKEN_BYTES + 1), null, NOW)).toMatchObject({ reason: "sso_not_configured" });
    expect(await verifySsoToken("garbage", ssoConfig({ enabled: false }), NOW)).toMatchObject({ reason: "sso_not_configured" });
  });
});

describe("verifySsoToken: size and shape", () => {
  async function tokenOfLength(length: number): Promise<string> {
    // Grow an ignored claim until the signed token has exactly `length` characters.
    const base = (await mintToken(claims({ x_pad: "" }))).length;
    for (let pad = Math.max(0, Math.floor(((length - base) * 3) / 4) - 8); pad < MAX_TOKEN_BYTES; pad++) {
      const token = await mintToken(claims({ x_pad: "p".repeat(pad) }));
      if (token.length === length) return token;
      if (token.length > length) break;
    }
    throw new Error(`no token of length ${length}`);
  }

  it("accepts a token of exactly 8 KiB and refuses one byte more", async () => {
    expect(MAX_TOKEN_BYTES).toBe(8192);
    const atLimit = await tokenOfLength(8192);
    expect((await verifySsoToken(atLimit, config, NOW)).ok).toBe(true);
    const overLimit = await tokenOfLength(8193);
    expect(await verifySsoToken(overLimit, config, NOW)).toEqual({ ok: false, reason: "token_too_large" });
  });

  it("counts bytes, not characters", async () => {
    const multibyte = "é".repeat(MAX_TOKEN_BYTES / 2 + 1); // 4098 characters, 8196 bytes
    expect(multibyte.length).toBeLessThan(MAX_TOKEN_BYTES);
    expect(await verifySsoToken(multibyte, config, NOW)).toEqual({ ok: false, reason: "token_too_large" });
  });

  it("refuses a huge token before checking its signature", async () => {
    const huge = await mintToken(claims({ custom_fields: { blob: "z".repeat(9000) } }), SECRET_B);
    expect(await verifySsoToken(huge, config, NOW)).toEqual({ ok: false, reason: "token_too_large" });
  });

  it("refuses a token whose custom_fields exceed 8 KiB as too large (the token limit comes first)", async () => {
    const token = await mintToken(claims({ custom_fields: { blob: "z".repeat(8 * 1024) } }));
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "token_too_large" });
  });

  it.each([
    ["an empty string", () => ""],
    ["two segments", (t: string) => segments(t).slice(0, 2).join(".")],
    ["four segments", (t: string) => `${t}.${segments(t)[2]}`],
    ["one segment", (t: string) => segments(t)[0]],
    ["an empty header segment", (t: string) => `.${segments(t)[1]}.${segments(t)[2]}`],
    ["an empty payload segment", (t: string) => `${segments(t)[0]}..${segments(t)[2]}`],
    ["standard base64 characters (+)", (t: string) => t.replace(/.$/, "+")],
    ["standard base64 characters (/)", (t: string) => `${segments(t)[0]}.${segments(t)[1]}/.${segments(t)[2]}`],
    ["padding (=)", (t: string) => `${t}=`],
    ["whitespace inside", (t: string) => t.replace(".", ". ")],
    ["a trailing newline", (t: string) => `${t}\n`],
    ["percent-encoding", (t: string) => t.replace(".", "%2E")],
  ])("refuses %s as token_malformed", async (_label, mangle) => {
    const token = mangle(await mintToken());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "token_malformed" });
  });

  it.each([
    ["a header that is not JSON", { raw: b64url("not json") }],
    ["a header that is a JSON array", ["HS256"]],
    ["a header that is a JSON string", "HS256"],
    ["a header that is JSON null", null],
    ["a header without alg", { typ: "JWT" }],
    ["a header whose alg is a number", { alg: 256 }],
    ["a header whose alg is null", { alg: null }],
  ])("refuses %s as token_malformed", async (_label, header) => {
    const token = handToken(header, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "token_malformed" });
  });

  it("refuses a header segment that is not valid base64url for jose (length 4n+1)", async () => {
    // Node's lenient decoder reads the header; jose refuses it. Either way: malformed, never accepted.
    const token = handToken({ raw: `${b64json({ alg: "HS256" })}A` }, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "token_malformed" });
  });
});

describe("verifySsoToken: algorithms", () => {
  it('refuses alg "none" with an empty signature', async () => {
    const token = `${b64json({ alg: "none", typ: "JWT" })}.${b64json(claims())}.`;
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
  });

  it('refuses alg "none" even with a valid-looking HS256 signature', async () => {
    const token = handToken({ alg: "none" }, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
  });

  it("refuses HS512 and HS384 even when properly signed with the tenant's secret", async () => {
    const hs512 = handToken({ alg: "HS512", typ: "JWT" }, claims(), { hash: "sha512" });
    const hs384 = handToken({ alg: "HS384" }, claims(), { hash: "sha384" });
    expect(await verifySsoToken(hs512, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
    expect(await verifySsoToken(hs384, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
  });

  it("refuses RS256 / ES256 / PS256 headers (no key confusion with the shared secret)", async () => {
    for (const alg of ["RS256", "ES256", "PS256", "EdDSA"]) {
      const token = handToken({ alg, typ: "JWT", kid: "rsa-1" }, claims());
      expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
    }
  });

  it("refuses a differently-cased HS256", async () => {
    const token = handToken({ alg: "hs256" }, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "alg_not_allowed" });
  });
});

describe("verifySsoToken: unsupported_header", () => {
  it("refuses a header with crit, even though the signature is valid", async () => {
    const token = handToken({ alg: "HS256", crit: ["exp"], exp: 1 }, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "unsupported_header" });
  });

  it("refuses an empty crit array too", async () => {
    const token = handToken({ alg: "HS256", crit: [] }, claims());
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "unsupported_header" });
  });

  it("refuses b64:false (unencoded payload) and b64:true alike", async () => {
    const unencoded = handToken({ alg: "HS256", b64: false, crit: ["b64"] }, claims());
    const b64False = handToken({ alg: "HS256", b64: false }, claims());
    const b64True = handToken({ alg: "HS256", b64: true }, claims());
    for (const token of [unencoded, b64False, b64True]) {
      expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "unsupported_header" });
    }
  });

  it("checks the header before the signature", async () => {
    const token = handToken({ alg: "HS256", crit: ["x"] }, claims(), { secret: SECRET_B });
    expect(await verifySsoToken(token, config, NOW)).toMatchObject({ reason: "unsupported_header" });
  });
});

describe("verifySsoToken: bad_signature", () => {
  it("refuses a token signed with another secret", async () => {
    const token = await mintToken(claims(), SECRET_B);
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, , signature] = segments(await mintToken(claims({ email: "jane@example.com" })));
    const forged = `${header}.${b64json(claims({ email: "admin@example.com" }))}.${signature}`;
    expect(await verifySsoToken(forged, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses HS256 with an empty signature", async () => {
    const [header, payload] = segments(await mintToken());
    expect(await verifySsoToken(`${header}.${payload}.`, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature of the right length but wrong bytes", async () => {
    const [header, payload, signature] = segments(await mintToken());
    const flipped = `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(await verifySsoToken(`${header}.${payload}.${flipped}`, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses the HS512 signature under an HS256 header (no truncation tricks)", async () => {
    const signingInput = `${b64json({ alg: "HS256" })}.${b64json(claims())}`;
    const token = `${signingInput}.${hmac("sha512", SECRET_A, signingInput)}`;
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("is reported before missing claims", async () => {
    const token = await mintToken({ foo: "bar" }, SECRET_B);
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("is reported before a malformed payload", async () => {
    const token = handToken({ alg: "HS256" }, [1, 2, 3], { secret: SECRET_B });
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("verifySsoToken: key selection ignores kid, jku, jwk and x5u", () => {
  const jwkB = { kty: "oct", k: b64url(SECRET_B) };

  it("verifies a token signed with secret A carrying B's kid with A, and only A", async () => {
    const token = await mintToken(claims(), SECRET_A, { kid: "tenant-b-key" });
    expect((await verifySsoToken(token, config, NOW)).ok).toBe(true);
    expect(await verifySsoToken(token, ssoConfig({ secret: SECRET_B }), NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("does not follow jku, jwk or x5u to B's key", async () => {
    const headers = [
      { alg: "HS256", kid: "tenant-b-key" },
      { alg: "HS256", jku: "https://evil.example/jwks.json" },
      { alg: "HS256", jwk: jwkB },
      { alg: "HS256", x5u: "https://evil.example/cert.pem" },
    ];
    for (const header of headers) {
      const signedWithB = handToken(header, claims(), { secret: SECRET_B });
      expect(await verifySsoToken(signedWithB, config, NOW)).toEqual({ ok: false, reason: "bad_signature" });
      const signedWithA = handToken(header, claims(), { secret: SECRET_A });
      expect((await verifySsoToken(signedWithA, config, NOW)).ok).toBe(true);
    }
  });
});

describe("verifySsoToken: claims_malformed", () => {
  it.each([
    ["a JSON array", { raw: b64json([claims()]) }],
    ["not JSON", { raw: b64url("jti=1&email=a@x.com") }],
    ["a JSON string", { raw: b64json("hello") }],
    ["JSON null", { raw: b64json(null) }],
    ["a JSON number", { raw: b64json(12) }],
    ["invalid UTF-8", { raw: b64url(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])) }],
  ])("refuses a properly signed payload that is %s", async (_label, payload) => {
    const token = handToken({ alg: "HS256" }, payload);
    expect(await verifySsoToken(token, config, NOW)).toEqual({ ok: false, reason: "claims_malformed" });
  });
});

describe("verifySsoToken: missing_claim", () => {
  it.each(REQUIRED_CLAIMS.map((claim) => [claim]))("names the missing %s", async (claim) => {
    const result = await verifyClaims(claims({ [claim]: undefined }));
    expect(result).toEqual({ ok: false, reason: "missing_claim", claim });
  });

  it("requires exactly jti, iat, exp, email and name", () => {
    expect([...REQUIRED_CLAIMS].sort()).toEqual(["email", "exp", "iat", "jti", "name"]);
  });

  it("comes before claim types and times", async () => {
    const result = await verifyClaims(claims({ name: undefined, email: "not-an-email", exp: NOW_SECONDS - 3600 }));
    expect(result).toEqual({ ok: false, reason: "missing_claim", claim: "name" });
  });
});

describe("verifySsoToken: invalid_claim", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["jti empty", { jti: "" }, "jti"],
    ["jti over 128 characters", { jti: "j".repeat(129) }, "jti"],
    ["jti a number", { jti: 12345 }, "jti"],
    ["jti null", { jti: null }, "jti"],
    ["jti with a control character", { jti: "abc\ndef" }, "jti"],
    ["iat a string", { iat: String(NOW_SECONDS - 30) }, "iat"],
    ["iat a float", { iat: NOW_SECONDS - 30.5 }, "iat"],
    ["iat null", { iat: null }, "iat"],
    ["exp a float", { exp: NOW_SECONDS + 270.25 }, "exp"],
    ["exp a string", { exp: String(NOW_SECONDS + 270) }, "exp"],
    ["nbf a string", { nbf: String(NOW_SECONDS - 30) }, "nbf"],
    ["nbf a float", { nbf: NOW_SECONDS - 30.5 }, "nbf"],
    ["nbf null", { nbf: null }, "nbf"],
    ["email not an address", { email: "jane" }, "email"],
    ["email two addresses", { email: "a@x.com,b@x.com" }, "email"],
    ["email two addresses with a space", { email: "a@x.com b@x.com" }, "email"],
    ["email with a newline", { email: "a@x.com\nb@x.com" }, "email"],
    ["email with a trailing CR", { email: "a@x.com\r" }, "email"],
    ["email with a NUL", { email: "a@x.com\u0000" }, "email"],
    ["email over 254 characters", { email: `${"a".repeat(247)}@acme.io` }, "email"],
    ["email a number", { email: 42 }, "email"],
    ["email an array", { email: ["a@x.com"] }, "email"],
    ["name over 200 characters", { name: "n".repeat(201) }, "name"],
    ["name a number", { name: 7 }, "name"],
    ["name blank", { name: "   " }, "name"],
    ["name with a control character", { name: "Jane\u0007" }, "name"],
    ["role superuser", { role: "superuser" }, "role"],
    ["role in capitals", { role: "Admin" }, "role"],
    ["avatar_url over http", { avatar_url: "http://cdn.example.com/a.png" }, "avatar_url"],
    ["avatar_url javascript:", { avatar_url: "javascript:alert(1)" }, "avatar_url"],
    ["custom_fields an array", { custom_fields: [{ plan: "gold" }] }, "custom_fields"],
    ["custom_fields a string", { custom_fields: "plan=gold" }, "custom_fields"],
    ["groups not an array", { groups: "support" }, "groups"],
    ["groups with a non-string entry", { groups: ["support", 3] }, "groups"],
    ["groups with a blank entry", { groups: ["support", " "] }, "groups"],
    ["permission_groups not an array", { permission_groups: "support" }, "permission_groups"],
    ["permission_groups with a non-string entry", { permission_groups: ["support", null] }, "permission_groups"],
    ["external_id a float", { external_id: 1.5 }, "external_id"],
    ["lang not a language tag", { lang: "english!" }, "lang"],
    // A lone surrogate is stored (and hashed) as U+FFFD: "u\ud800" and "u\udbff" would become one
    // jti, one user or one group, and a value read back would not equal the one checked.
    ["jti with a lone surrogate", { jti: "key-\ud800" }, "jti"],
    ["name with a lone surrogate", { name: "Jane \udc00" }, "name"],
    ["external_id with a lone surrogate", { external_id: "user-\udbff" }, "external_id"],
    ["groups with a lone surrogate", { groups: ["support", "vip\ud83d"] }, "groups"],
    ["permission_groups with a lone surrogate", { permission_groups: ["\ude00"] }, "permission_groups"],
  ];

  it.each(cases)("refuses %s", async (_label, overrides, claim) => {
    expect(await verifyClaims(claims(overrides))).toEqual({ ok: false, reason: "invalid_claim", claim });
  });

  it("accepts jti of exactly 128 characters and email of exactly 254", async () => {
    expect(expectOk(await verifyClaims(claims({ jti: "j".repeat(128) }))).jti).toHaveLength(128);
    const email = `${"a".repeat(246)}@acme.io`;
    expect(email).toHaveLength(254);
    expect(expectOk(await verifyClaims(claims({ email }))).profile.email).toBe(email);
  });

  it("accepts characters outside the BMP written as a whole surrogate pair", async () => {
    const result = expectOk(await verifyClaims(claims({ jti: "key-\u{1F600}", name: "Jane \u{1F600}", external_id: "user-\u{1F600}", groups: ["vip \u{1F600}"] })));
    expect(result.jti).toBe("key-\u{1F600}");
    expect(result.profile).toMatchObject({ name: "Jane \u{1F600}", externalId: "user-\u{1F600}", groups: ["vip \u{1F600}"] });
  });

  it("accepts name of exactly 200 characters", async () => {
    expect(expectOk(await verifyClaims(claims({ name: "n".repeat(200) }))).profile.name).toHaveLength(200);
  });

  it("checks types before times: an expired token with a bad email is invalid_claim", async () => {
    const result = await verifyClaims(claims({ email: "not-an-email", iat: NOW_SECONDS - 400, exp: NOW_SECONDS - 100 }));
    expect(result).toEqual({ ok: false, reason: "invalid_claim", claim: "email" });
  });

  it("checks types before times: a not-yet-valid token with a string exp is invalid_claim exp", async () => {
    const result = await verifyClaims(claims({ nbf: NOW_SECONDS + 3600, exp: String(NOW_SECONDS + 270) }));
    expect(result).toEqual({ ok: false, reason: "invalid_claim", claim: "exp" });
  });

  it("checks types before times: an expired token with a float iat is invalid_claim iat", async () => {
    const result = await verifyClaims(claims({ iat: NOW_SECONDS - 400.5, exp: NOW_SECONDS - 100 }));
    expect(result).toEqual({ ok: false, reason: "invalid_claim", claim: "iat" });
  });

  it("checks types before times: an expired token with an empty jti is invalid_claim jti", async () => {
    const result = await verifyClaims(claims({ jti: "", exp: NOW_SECONDS - 3600, iat: NOW_SECONDS - 4000 }));
    expect(result).toEqual({ ok: false, reason: "invalid_claim", claim: "jti" });
  });
});

describe("verifySsoToken: time", () => {
  // ssoConfig(): tokenTtlSeconds 300, clockSkewSeconds 60.
  it("refuses an expired token", async () => {
    const result = await verifyClaims(claims({ iat: NOW_SECONDS - 200, exp: NOW_SECONDS - 100 }));
    expect(result).toMatchObject({ ok: false, reason: "token_expired" });
    expect(result.ok ? undefined : result.claim).toBeUndefined();
  });

  it("accepts a token just inside the leeway and refuses it at the edge", async () => {
    expect((await verifyClaims(claims({ iat: NOW_SECONDS - 120, exp: NOW_SECONDS - 59 }))).ok).toBe(true);
    expect(await verifyClaims(claims({ iat: NOW_SECONDS - 120, exp: NOW_SECONDS - 60 }))).toMatchObject({ ok: false, reason: "token_expired" });
  });

  it("refuses exp == now with no leeway", async () => {
    const noSkew = ssoConfig({ clockSkewSeconds: 0 });
    expect((await verifyClaims(claims({ exp: NOW_SECONDS + 1 }), noSkew)).ok).toBe(true);
    expect(await verifyClaims(claims({ exp: NOW_SECONDS }), noSkew)).toMatchObject({ reason: "token_expired" });
  });

  it("refuses a token whose nbf is beyond the leeway and accepts one within it", async () => {
    expect(await verifyClaims(claims({ nbf: NOW_SECONDS + 61 }))).toMatchObject({ ok: false, reason: "not_yet_valid" });
    expect((await verifyClaims(claims({ nbf: NOW_SECONDS + 60 }))).ok).toBe(true);
  });

  it("refuses an iat in the future beyond the leeway and accepts one within it", async () => {
    expect(await verifyClaims(claims({ iat: NOW_SECONDS + 61, exp: NOW_SECONDS + 300 }))).toMatchObject({ ok: false, reason: "iat_in_future" });
    expect((await verifyClaims(claims({ iat: NOW_SECONDS + 60, exp: NOW_SECONDS + 300 }))).ok).toBe(true);
  });

  it("refuses an iat in milliseconds as iat_in_future", async () => {
    const result = await verifyClaims(claims({ iat: NOW.getTime(), exp: NOW.getTime() + 300_000 }));
    expect(result).toMatchObject({ ok: false, reason: "iat_in_future" });
  });

  it("refuses a token older than the TTL plus leeway", async () => {
    // now - iat > 300 + 60
    expect(await verifyClaims(claims({ iat: NOW_SECONDS - 361 }))).toMatchObject({ ok: false, reason: "token_too_old" });
    expect((await verifyClaims(claims({ iat: NOW_SECONDS - 360 }))).ok).toBe(true);
  });

  it("uses the tenant's TTL", async () => {
    const longTtl = ssoConfig({ tokenTtlSeconds: 3600 });
    expect((await verifyClaims(claims({ iat: NOW_SECONDS - 3000 }), longTtl)).ok).toBe(true);
    expect(await verifyClaims(claims({ iat: NOW_SECONDS - 3000 }))).toMatchObject({ reason: "token_too_old" });
  });

  it("refuses exp more than 24 h after iat", async () => {
    expect(MAX_VALIDITY_SECONDS).toBe(86_400);
    const iat = NOW_SECONDS - 30;
    expect(await verifyClaims(claims({ iat, exp: iat + 86_401 }))).toMatchObject({ ok: false, reason: "exp_too_far" });
    expect((await verifyClaims(claims({ iat, exp: iat + 86_400 }))).ok).toBe(true);
  });

  it("refuses exp given in milliseconds as exp_too_far", async () => {
    const result = await verifyClaims(claims({ exp: NOW.getTime() + 270_000 }));
    expect(result).toMatchObject({ ok: false, reason: "exp_too_far" });
  });

  it("clamps the clock skew leeway to 300 s even if the config says 1000", async () => {
    expect(MAX_CLOCK_SKEW_SECONDS).toBe(300);
    const wide = ssoConfig({ clockSkewSeconds: 1000, tokenTtlSeconds: 3600 });
    expect((await verifyClaims(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 299 }), wide)).ok).toBe(true);
    expect(await verifyClaims(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 300 }), wide)).toMatchObject({ reason: "token_expired" });
    expect(await verifyClaims(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 500 }), wide)).toMatchObject({ reason: "token_expired" });
    expect(await verifyClaims(claims({ nbf: NOW_SECONDS + 301 }), wide)).toMatchObject({ reason: "not_yet_valid" });
    expect(await verifyClaims(claims({ iat: NOW_SECONDS + 301, exp: NOW_SECONDS + 600 }), wide)).toMatchObject({ reason: "iat_in_future" });
  });

  it("treats a negative clock skew as no leeway", async () => {
    const negative = ssoConfig({ clockSkewSeconds: -100 });
    expect(await verifyClaims(claims({ exp: NOW_SECONDS }), negative)).toMatchObject({ reason: "token_expired" });
    expect((await verifyClaims(claims({ exp: NOW_SECONDS + 1 }), negative)).ok).toBe(true);
  });

  it("reports expiry before nbf, iat, age and validity span", async () => {
    const result = await verifyClaims(claims({ iat: NOW_SECONDS - 100_000, exp: NOW_SECONDS - 61, nbf: NOW_SECONDS + 3600 }));
    expect(result).toMatchObject({ reason: "token_expired" });
  });

  it("reports nbf before iat_in_future", async () => {
    const result = await verifyClaims(claims({ iat: NOW_SECONDS + 3600, exp: NOW_SECONDS + 4000, nbf: NOW_SECONDS + 3600 }));
    expect(result).toMatchObject({ reason: "not_yet_valid" });
  });

  it("reports token_too_old before exp_too_far", async () => {
    const iat = NOW_SECONDS - 1000;
    expect(await verifyClaims(claims({ iat, exp: iat + 100_000 }))).toMatchObject({ reason: "token_too_old" });
  });
});

describe("verifySsoToken: issuer and audience", () => {
  it("refuses a wrong or missing issuer when one is configured", async () => {
    const cfg = ssoConfig({ issuer: "https://idp.acme.com" });
    // The detail names the setting, for the log (support staff cannot open the SSO settings).
    expect(await verifyClaims(claims({ iss: "https://idp.evil.com" }), cfg)).toEqual({ ok: false, reason: "issuer_mismatch", detail: 'expected "https://idp.acme.com"' });
    expect(await verifyClaims(claims(), cfg)).toEqual({ ok: false, reason: "issuer_mismatch", detail: 'expected "https://idp.acme.com"' });
    // An array is not an issuer at all: refused as a malformed claim, naming it.
    expect(await verifyClaims(claims({ iss: ["https://idp.acme.com"] }), cfg)).toEqual({ ok: false, reason: "invalid_claim", claim: "iss" });
    expect((await verifyClaims(claims({ iss: "https://idp.acme.com" }), cfg)).ok).toBe(true);
  });

  it("ignores iss when no issuer is configured", async () => {
    expect((await verifyClaims(claims({ iss: "anything-at-all" }))).ok).toBe(true);
  });

  it("checks time before issuer: expired + wrong issuer is token_expired", async () => {
    const cfg = ssoConfig({ issuer: "https://idp.acme.com" });
    const result = await verifyClaims(claims({ iss: "https://idp.evil.com", iat: NOW_SECONDS - 400, exp: NOW_SECONDS - 100 }), cfg);
    expect(result).toMatchObject({ reason: "token_expired" });
  });

  it("refuses a wrong string audience and a missing one", async () => {
    const cfg = ssoConfig({ audience: "acme-help" });
    expect(await verifyClaims(claims({ aud: "other-help" }), cfg)).toEqual({ ok: false, reason: "audience_mismatch", detail: 'expected "acme-help"' });
    expect(await verifyClaims(claims(), cfg)).toEqual({ ok: false, reason: "audience_mismatch", detail: 'expected "acme-help"' });
    expect((await verifyClaims(claims({ aud: "acme-help" }), cfg)).ok).toBe(true);
  });

  it("accepts an array audience containing ours and refuses one that does not", async () => {
    const cfg = ssoConfig({ audience: "acme-help" });
    expect((await verifyClaims(claims({ aud: ["other", "acme-help"] }), cfg)).ok).toBe(true);
    expect(await verifyClaims(claims({ aud: ["other", "acme-help-2"] }), cfg)).toMatchObject({ ok: false, reason: "audience_mismatch" });
    expect(await verifyClaims(claims({ aud: [] }), cfg)).toMatchObject({ ok: false, reason: "audience_mismatch" });
  });

  it("ignores aud when no audience is configured", async () => {
    expect((await verifyClaims(claims({ aud: ["someone-else"] }))).ok).toBe(true);
  });

  it("checks issuer before audience", async () => {
    const cfg = ssoConfig({ issuer: "https://idp.acme.com", audience: "acme-help" });
    expect(await verifyClaims(claims({ iss: "x", aud: "y" }), cfg)).toMatchObject({ ok: false, reason: "issuer_mismatch" });
  });
});

describe("verifySsoToken: one answer per token", () => {
  it("does not read the real clock", async () => {
    const token = await mintToken();
    const later = new Date(NOW.getTime() + 24 * 3600 * 1000);
    expect((await verifySsoToken(token, config, NOW)).ok).toBe(true);
    expect(await verifySsoToken(token, config, later)).toMatchObject({ reason: "token_expired" });
  });
});

describe("regressions", () => {
  it("refuses a token that expires before it was issued (invalid_claim exp)", async () => {
    const { SignJWT } = await import("jose");
    const now = new Date("2026-06-01T12:00:00Z");
    const t = Math.floor(now.getTime() / 1000);
    const secret = "a-shared-secret-of-sufficient-length-0123456789";
    const token = await new SignJWT({ email: "a@example.com", name: "A", jti: "j-1", iat: t, exp: t - 1 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(secret));
    const { verifySsoToken } = await import("./verify-token");
    const result = await verifySsoToken(token, { enabled: true, secret, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 60 }, now);
    expect(result).toMatchObject({ ok: false, reason: "invalid_claim", claim: "exp" });
  });
});

describe("regressions from review", () => {
  it("refuses iss or aud that cannot be stored (control characters): invalid_claim, before the jti is spent", async () => {
    const { SignJWT } = await import("jose");
    const now = new Date("2026-06-01T12:00:00Z");
    const t = Math.floor(now.getTime() / 1000);
    const secret = "a-shared-secret-of-sufficient-length-0123456789";
    const { verifySsoToken } = await import("./verify-token");
    const config = { enabled: true, secret, issuer: null, audience: null, tokenTtlSeconds: 300, clockSkewSeconds: 60 };
    for (const [claim, value] of [["iss", "a\u0000b"], ["aud", ["ok", "b\u0000"]]] as const) {
      const token = await new SignJWT({ email: "a@example.com", name: "A", jti: "j-1", iat: t, exp: t + 60, [claim]: value })
        .setProtectedHeader({ alg: "HS256" })
        .sign(new TextEncoder().encode(secret));
      expect(await verifySsoToken(token, config, now)).toMatchObject({ ok: false, reason: "invalid_claim", claim });
    }
  });
});

describe("verifySsoToken: token_kind_mismatch (redirect vs widget tokens)", () => {
  const widgetHeader = { typ: "gatehouse-widget+jwt" };

  it("refuses a widget token at the redirect flow, after its signature verified", async () => {
    const result = await verifySsoToken(await mintToken(claims(), SECRET_A, widgetHeader), config, NOW);
    expect(result).toMatchObject({ ok: false, reason: "token_kind_mismatch" });
  });

  it("refuses a redirect token (no typ, or typ JWT) on the widget surfaces", async () => {
    for (const header of [{}, { typ: "JWT" }, { typ: "gatehouse-widget" }]) {
      const result = await verifySsoToken(await mintToken(claims(), SECRET_A, header), config, NOW, "widget");
      expect(result).toMatchObject({ ok: false, reason: "token_kind_mismatch" });
    }
  });

  it("accepts each kind where it belongs, typ compared as a media type (case, application/ prefix)", async () => {
    for (const typ of ["gatehouse-widget+jwt", "GateHouse-Widget+JWT", "application/gatehouse-widget+jwt"]) {
      expectOk(await verifySsoToken(await mintToken(claims(), SECRET_A, { typ }), config, NOW, "widget"));
    }
    expectOk(await verifySsoToken(await mintToken(claims(), SECRET_A, { typ: "JWT" }), config, NOW, "redirect"));
  });

  it("decides the signature first: a forged widget token is bad_signature, not a kind mismatch", async () => {
    const result = await verifySsoToken(await mintToken(claims(), SECRET_B, widgetHeader), config, NOW);
    expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("decides the kind before the times: an expired widget token at /sso/jwt is still the wrong kind", async () => {
    const stale = claims({ iat: NOW_SECONDS - 10_000, exp: NOW_SECONDS - 9_000 });
    const result = await verifySsoToken(await mintToken(stale, SECRET_A, widgetHeader), config, NOW);
    expect(result).toMatchObject({ ok: false, reason: "token_kind_mismatch" });
  });

  it("caps a widget token's age at the Token TTL even when exp is later", async () => {
    const longLived = claims({ iat: NOW_SECONDS - 301 - 60, exp: NOW_SECONDS + 3600 });
    const result = await verifySsoToken(await mintToken(longLived, SECRET_A, widgetHeader), config, NOW, "widget");
    expect(result).toMatchObject({ ok: false, reason: "token_too_old" });
  });
});

describe("verifySsoToken: hc_jwt cookie tokens (typ gatehouse-cookie+jwt)", () => {
  const cookieHeader = { typ: "gatehouse-cookie+jwt" };

  it("accepts a cookie token as the cookie kind, typ compared as a media type", async () => {
    for (const typ of ["gatehouse-cookie+jwt", "application/GateHouse-Cookie+JWT"]) {
      expectOk(await verifySsoToken(await mintToken(claims(), SECRET_A, { typ }), config, NOW, "cookie"));
    }
  });

  it("refuses a widget token as the cookie (a token from page scripts must never start a session), and says why", async () => {
    const result = await verifySsoToken(await mintToken(claims(), SECRET_A, { typ: "gatehouse-widget+jwt" }), config, NOW, "cookie");
    expect(result).toMatchObject({ ok: false, reason: "token_kind_mismatch" });
    expect((result as { detail?: string }).detail).toBe('an hc_jwt cookie token needs the header typ "gatehouse-cookie+jwt"; this one was made for the widget and API');
  });

  it("refuses a redirect token as the cookie, and a cookie token at /sso/jwt and the APIs", async () => {
    const cookieToken = await mintToken(claims(), SECRET_A, cookieHeader);
    expect(await verifySsoToken(await mintToken(claims(), SECRET_A, { typ: "JWT" }), config, NOW, "cookie")).toMatchObject({ reason: "token_kind_mismatch" });
    expect(await verifySsoToken(cookieToken, config, NOW, "redirect")).toMatchObject({ reason: "token_kind_mismatch" });
    expect(await verifySsoToken(cookieToken, config, NOW, "widget")).toMatchObject({ reason: "token_kind_mismatch" });
  });

  it("caps a cookie token's age at the Token TTL, like a widget token", async () => {
    const longLived = claims({ iat: NOW_SECONDS - 301 - 60, exp: NOW_SECONDS + 3600 });
    expect(await verifySsoToken(await mintToken(longLived, SECRET_A, cookieHeader), config, NOW, "cookie")).toMatchObject({ reason: "token_too_old" });
  });
});

describe("verifySsoToken: the secret", () => {
  it("verifies with the configuration's current secret even when the same object had another before", async () => {
    const mutable = { ...config };
    expectOk(await verifySsoToken(await mintToken(claims(), SECRET_A), mutable, NOW));
    mutable.secret = SECRET_B; // edited in place: the imported key must not outlive the secret it came from
    expect(await verifySsoToken(await mintToken(claims(), SECRET_A), mutable, NOW)).toMatchObject({ reason: "bad_signature" });
    expectOk(await verifySsoToken(await mintToken(claims(), SECRET_B), mutable, NOW));
  });
});

describe("verifySsoToken: a remembered signature (SignatureMemo, for reused widget tokens)", () => {
  function recordingMemo() {
    const stored = new Map<string, Record<string, unknown>>();
    let sets = 0;
    const memo: SignatureMemo = {
      get: (_config, token) => stored.get(token),
      set: (_config, token, payload) => {
        sets += 1;
        stored.set(token, payload);
      },
    };
    return { memo, sets: () => sets };
  }
  const widget = { typ: "gatehouse-widget+jwt" };

  it("checks the HMAC once, then answers from the memo", async () => {
    const { memo, sets } = recordingMemo();
    const token = await mintToken(claims(), SECRET_A, widget);
    for (let i = 0; i < 3; i += 1) expect((await verifySsoToken(token, ssoConfig(), NOW, "widget", memo)).ok).toBe(true);
    expect(sets()).toBe(1);
  });

  it("still runs every time check on a remembered token: it ages out past the Token TTL and expires", async () => {
    const { memo } = recordingMemo();
    const token = await mintToken(claims({ exp: NOW_SECONDS + 3000 }), SECRET_A, widget);
    expect((await verifySsoToken(token, ssoConfig(), NOW, "widget", memo)).ok).toBe(true);
    expect(await verifySsoToken(token, ssoConfig(), new Date(NOW.getTime() + 400_000), "widget", memo)).toMatchObject({ ok: false, reason: "token_too_old" });
    const longTtl = ssoConfig({ tokenTtlSeconds: 86_400 });
    expect(await verifySsoToken(token, longTtl, new Date(NOW.getTime() + 4_000_000), "widget", memo)).toMatchObject({ ok: false, reason: "token_expired" });
  });

  it("still checks the kind, issuer and audience on a remembered token", async () => {
    const { memo } = recordingMemo();
    const token = await mintToken(claims(), SECRET_A, widget);
    expect((await verifySsoToken(token, ssoConfig(), NOW, "widget", memo)).ok).toBe(true);
    expect(await verifySsoToken(token, ssoConfig(), NOW, "redirect", memo)).toMatchObject({ reason: "token_kind_mismatch" });
    expect(await verifySsoToken(token, ssoConfig({ issuer: "https://app.example" }), NOW, "widget", memo)).toMatchObject({ reason: "issuer_mismatch" });
  });

  it("never remembers a token that fails a later check: expired, the wrong kind, a bad claim", async () => {
    const { memo, sets } = recordingMemo();
    const expired = await mintToken(claims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 300 }), SECRET_A, widget);
    const signIn = await mintToken(claims());
    const badEmail = await mintToken(claims({ email: "nope" }), SECRET_A, widget);
    expect(await verifySsoToken(expired, ssoConfig(), NOW, "widget", memo)).toMatchObject({ reason: "token_expired" });
    expect(await verifySsoToken(signIn, ssoConfig(), NOW, "widget", memo)).toMatchObject({ reason: "token_kind_mismatch" });
    expect(await verifySsoToken(badEmail, ssoConfig(), NOW, "widget", memo)).toMatchObject({ reason: "invalid_claim" });
    expect(sets()).toBe(0);
  });

  it("never remembers a token whose signature failed", async () => {
    const { memo, sets } = recordingMemo();
    const forged = await mintToken(claims(), SECRET_B, widget);
    for (let i = 0; i < 2; i += 1) expect(await verifySsoToken(forged, ssoConfig(), NOW, "widget", memo)).toMatchObject({ reason: "bad_signature" });
    expect(sets()).toBe(0);
  });
});
