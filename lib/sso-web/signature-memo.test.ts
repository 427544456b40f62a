import { describe, expect, it } from "vitest";
import { ssoConfig } from "@/lib/sso/test-tokens";
import { MAX_ENTRIES, MAX_TOKEN_LENGTH, rememberedCount, signatureMemo } from "./signature-memo";

const token = (n: number) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ n })).toString("base64url")}.sig${n}`;

describe("signatureMemo", () => {
  it("answers only for the configuration object it was told under", () => {
    const config = ssoConfig();
    signatureMemo.set(config, token(1), { n: 1 });
    expect(signatureMemo.get(config, token(1))).toEqual({ n: 1 });
    // A reloaded configuration (say, a regenerated secret) is a new object: nothing carries over.
    expect(signatureMemo.get(ssoConfig(), token(1))).toBeUndefined();
    expect(signatureMemo.get(config, token(2))).toBeUndefined();
  });

  it("holds at most MAX_ENTRIES tokens in the whole process, however many help centers fill it, dropping the least recently used", () => {
    const kept = ssoConfig();
    signatureMemo.set(kept, token(-1), { n: -1 });
    // Many help centers, each with its own configuration, together far over the bound.
    for (let tenant = 0; tenant < 4; tenant += 1) {
      const config = ssoConfig();
      for (let n = 0; n < MAX_ENTRIES / 2; n += 1) {
        signatureMemo.set(config, token(n), { n });
        // A token still in use stays: asking for it makes it the most recent.
        if (n % 1000 === 0) expect(signatureMemo.get(kept, token(-1))).toEqual({ n: -1 });
      }
    }
    expect(rememberedCount()).toBe(MAX_ENTRIES);
    expect(signatureMemo.get(kept, token(-1))).toEqual({ n: -1 });
  });

  it("does not remember a token longer than MAX_TOKEN_LENGTH: it is checked on every call instead", () => {
    const config = ssoConfig();
    const big = `${token(3)}${"x".repeat(MAX_TOKEN_LENGTH)}`;
    signatureMemo.set(config, big, { n: 3 });
    expect(signatureMemo.get(config, big)).toBeUndefined();
  });
});
