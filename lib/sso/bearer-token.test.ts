import { describe, expect, it } from "vitest";
import { readBearerToken } from "./bearer-token";

describe("readBearerToken", () => {
  it("reads the token after the Bearer scheme, whatever its case", () => {
    expect(readBearerToken("Bearer aaa.bbb.ccc")).toEqual({ ok: true, token: "aaa.bbb.ccc" });
    expect(readBearerToken("bearer  aaa.bbb.ccc ")).toEqual({ ok: true, token: "aaa.bbb.ccc" });
  });

  it("treats an absent or blank header as a missing token", () => {
    expect(readBearerToken(null)).toEqual({ ok: false, reason: "token_missing" });
    expect(readBearerToken("   ")).toEqual({ ok: false, reason: "token_missing" });
  });

  it("refuses other schemes, a bare scheme, and two tokens in one header", () => {
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token aaa.bbb.ccc", "Bearer aaa.bbb.ccc, Bearer ddd.eee.fff", "Bearer a b"]) {
      expect(readBearerToken(header)).toEqual({ ok: false, reason: "token_malformed" });
    }
  });
});
