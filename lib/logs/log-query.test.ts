import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, logQueryString, parseLogQuery } from "./log-query";

describe("log query", () => {
  it("round-trips filters and the cursor through the URL", () => {
    const cursor = { occurredAt: new Date("2026-05-01T10:00:00.123Z"), id: BigInt(42) };
    const query = { type: "sso.redirect_flow.rejected" as const, reason: "bad_signature" as const, q: "ada@example.com", cursor };
    const params = Object.fromEntries(new URLSearchParams(logQueryString(query).slice(1)));
    expect(parseLogQuery(params)).toEqual(query);
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it("drops unknown or malformed values instead of failing", () => {
    expect(parseLogQuery({ type: "drop table", reason: "nope", q: " ", cursor: "garbage" })).toEqual({ type: undefined, reason: undefined, q: undefined, cursor: undefined });
    expect(decodeCursor(Buffer.from("2026-01-01T00:00:00Z|1; DROP").toString("base64url"))).toBeUndefined();
  });
});
