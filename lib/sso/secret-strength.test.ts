import { describe, expect, it } from "vitest";
import { generateSharedSecret } from "./mint-token";
import { secretWeakness } from "./secret-strength";

describe("secretWeakness", () => {
  it("accepts generated secrets", () => {
    for (let i = 0; i < 50; i += 1) expect(secretWeakness(generateSharedSecret())).toBeNull();
    expect(generateSharedSecret()).toHaveLength(64);
  });
  it("accepts a long random-looking pasted secret", () => {
    expect(secretWeakness("k3J9x!Qp7vR2mZ8wL5tN0bY4cH6gF1dS")).toBeNull();
  });
  it("refuses short, famous, repetitive and predictable secrets", () => {
    expect(secretWeakness("short")).toMatch(/at least 32/);
    expect(secretWeakness("your-256-bit-secret-your-256-bit-secret")).toMatch(/public examples/);
    expect(secretWeakness("a".repeat(40))).toBe("This secret uses too few different characters to be hard to guess. Generate a new one.");
    expect(secretWeakness("abcdefghij".repeat(4))).toMatch(/repeated pattern|public examples/);
    expect(secretWeakness("aaaaaaaaaaaaaaaaaaaaaaaaaabcdefghijk")).toMatch(/predictable/);
    expect(secretWeakness("line\nbreak" + "x".repeat(40))).toMatch(/control characters/);
  });
});
