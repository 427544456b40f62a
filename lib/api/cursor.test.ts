import { describe, expect, it } from "vitest";
import { articleCursorSchema, categoryCursorSchema, decodeCursor, encodeCursor } from "./cursor";

const id = "0b6a3f1e-5d1c-4c1e-9a57-3f2b1c0d9e8f";

describe("pagination cursors", () => {
  it("round-trip the last row's sort key", () => {
    const cursor = encodeCursor({ c: "2026-11-21T10:00:00.000Z", i: id });
    expect(decodeCursor(cursor, articleCursorSchema)).toEqual({ c: "2026-11-21T10:00:00.000Z", i: id });
    expect(decodeCursor(encodeCursor({ p: 3, i: id }), categoryCursorSchema)).toEqual({ p: 3, i: id });
  });

  it("refuse anything a client made up: not base64url, not JSON, wrong shape, extra keys, too long", () => {
    expect(decodeCursor("not a cursor!", articleCursorSchema)).toBeNull();
    expect(decodeCursor(Buffer.from("{").toString("base64url"), articleCursorSchema)).toBeNull();
    expect(decodeCursor(encodeCursor({ c: "yesterday", i: id }), articleCursorSchema)).toBeNull();
    expect(decodeCursor(encodeCursor({ c: "2026-11-21T10:00:00.000Z", i: id, x: 1 }), articleCursorSchema)).toBeNull();
    expect(decodeCursor("A".repeat(600), articleCursorSchema)).toBeNull();
  });

  it("refuse a category position outside PostgreSQL's integer range (it would fail in the query)", () => {
    expect(decodeCursor(encodeCursor({ p: 2 ** 40, i: id }), categoryCursorSchema)).toBeNull();
    expect(decodeCursor(encodeCursor({ p: -(2 ** 31) - 1, i: id }), categoryCursorSchema)).toBeNull();
    expect(decodeCursor(encodeCursor({ p: 2 ** 31 - 1, i: id }), categoryCursorSchema)).toEqual({ p: 2 ** 31 - 1, i: id });
  });
});
