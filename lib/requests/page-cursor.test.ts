import { describe, expect, it } from "vitest";
import { decodeRequestCursor, encodeRequestCursor } from "./page-cursor";

const cursor = { at: new Date("2026-11-21T10:11:12.345Z"), id: "5f0c6f1e-8a5b-4d3c-9e2f-1a2b3c4d5e6f" };

describe("request page cursors", () => {
  it("round-trips the time to the millisecond and the id", () => {
    expect(decodeRequestCursor(encodeRequestCursor(cursor))).toEqual(cursor);
  });

  it("ignores anything unreadable instead of failing the page", () => {
    const encode = (text: string) => Buffer.from(text, "utf8").toString("base64url");
    for (const value of [undefined, "", ["a", "b"], "not base64 at all!", encode("yesterday|" + cursor.id), encode(`${cursor.at.toISOString()}|42`),
      encode(`${cursor.at.toISOString()}|${cursor.id}|more`), "x".repeat(200)]) {
      expect(decodeRequestCursor(value)).toBeUndefined();
    }
  });
});
