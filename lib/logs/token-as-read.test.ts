import { describe, expect, it } from "vitest";
import { keptClaims, NOT_DECODED, NOTHING_READ, tokenAsRead, type TokenFields } from "./token-as-read";

function event(details: Record<string, unknown>, fields: Partial<TokenFields> = {}): TokenFields {
  return { iss: null, aud: null, jti: null, email: null, externalId: null, details, ...fields };
}

describe("tokenAsRead", () => {
  // Regression: jwt=garbage showed "Header {}" where Test a token says "Could not be decoded."
  it("says a token of which nothing could be decoded could not be decoded, header and claims", () => {
    const read = tokenAsRead(event({ verified: false, header: {} }));
    expect(read).toEqual({ header: null, headerNote: NOT_DECODED, claims: null, claimsNote: NOT_DECODED });
    expect(NOT_DECODED).toBe("Could not be decoded.");
  });

  it("shows a decoded header and the claims the log keeps", () => {
    const read = tokenAsRead(event({ header: { alg: "HS256", typ: "JWT" }, iat: 0, exp: 60 }, { email: "ada@example.com", jti: "j-1" }));
    expect(read.header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(read.claims).toEqual({ jti: "j-1", email: "ada@example.com", iat: "0 (1970-01-01 00:00:00 UTC)", exp: "60 (1970-01-01 00:01:00 UTC)" });
  });

  it("a decoded header without any claim the log keeps: says none could be read, not that nothing decoded", () => {
    const read = tokenAsRead(event({ header: { alg: "none" } }));
    expect(read.header).toEqual({ alg: "none" });
    expect(read.claims).toBeNull();
    expect(read.claimsNote).toMatch(/^None could be read/);
  });

  it("claims read from a token whose header did not decode are still shown", () => {
    const read = tokenAsRead(event({ header: {} }, { email: "ada@example.com" }));
    expect(read).toMatchObject({ header: null, headerNote: NOT_DECODED, claims: { email: "ada@example.com" } });
  });

  it("no token read at all (refused before it, or a sign-in that keeps no header): a dash, not a claim that decoding failed", () => {
    expect(tokenAsRead(event({}))).toEqual({ header: null, headerNote: NOTHING_READ, claims: null, claimsNote: NOTHING_READ });
    const success = tokenAsRead(event({ iat: 0 }, { email: "ada@example.com" }));
    expect(success.headerNote).toBe(NOTHING_READ);
    expect(success.claims).toEqual({ email: "ada@example.com", iat: "0 (1970-01-01 00:00:00 UTC)" });
  });
});

describe("keptClaims", () => {
  it("skips missing values and non-numeric times", () => {
    expect(keptClaims(event({ iat: "soon", exp: null }, { iss: "https://idp.example", aud: "" }))).toEqual({ iss: "https://idp.example", aud: "" });
  });
});
