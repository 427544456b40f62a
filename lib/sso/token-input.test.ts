import { describe, expect, it } from "vitest";
import { pickToken } from "./token-input";

describe("pickToken", () => {
  it("reports token_missing when there is no value at all", () => {
    expect(pickToken([], [])).toEqual({ ok: false, reason: "token_missing" });
  });

  it.each([[""], ["   "], ["\n\t"]])("reports token_missing for the blank value %j", (blank) => {
    expect(pickToken([blank], [])).toEqual({ ok: false, reason: "token_missing" });
    expect(pickToken([], [blank])).toEqual({ ok: false, reason: "token_missing" });
  });

  it("reports token_ambiguous for two query values", () => {
    expect(pickToken(["a.b.c", "d.e.f"], [])).toEqual({ ok: false, reason: "token_ambiguous" });
  });

  it("reports token_ambiguous for the same value twice", () => {
    expect(pickToken(["a.b.c", "a.b.c"], [])).toEqual({ ok: false, reason: "token_ambiguous" });
  });

  it("reports token_ambiguous for two form values", () => {
    expect(pickToken([], ["a.b.c", "d.e.f"])).toEqual({ ok: false, reason: "token_ambiguous" });
  });

  it("reports token_ambiguous for a query value and a form value", () => {
    expect(pickToken(["a.b.c"], ["d.e.f"])).toEqual({ ok: false, reason: "token_ambiguous" });
  });

  it("reports token_ambiguous even when one of the two values is blank", () => {
    expect(pickToken(["a.b.c"], [""])).toEqual({ ok: false, reason: "token_ambiguous" });
  });

  it("returns the single query value, trimmed", () => {
    expect(pickToken(["  a.b.c\n"], [])).toEqual({ ok: true, token: "a.b.c" });
  });

  it("returns the single form value, trimmed", () => {
    expect(pickToken([], ["\ta.b.c "])).toEqual({ ok: true, token: "a.b.c" });
  });
});
