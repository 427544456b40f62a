import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("accepts UUIDs in either case and nothing else", () => {
    expect(isUuid("0b6a3f1e-5d1c-4c1e-9a57-3f2b1c0d9e8f")).toBe(true);
    expect(isUuid("0B6A3F1E-5D1C-4C1E-9A57-3F2B1C0D9E8F")).toBe(true);
    for (const bad of ["", "nope", "0b6a3f1e5d1c4c1e9a573f2b1c0d9e8f", "0b6a3f1e-5d1c-4c1e-9a57-3f2b1c0d9e8f ", "' OR 1=1 --"]) expect(isUuid(bad)).toBe(false);
  });
});
