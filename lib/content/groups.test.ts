import { describe, expect, it } from "vitest";
import { parseProfileClaims } from "@/lib/sso/profile-claims";
import { formatGroupList, MAX_GROUPS, parseGroupList } from "./groups";

describe("parseGroupList", () => {
  it("reads a comma-separated line: trimmed, empty parts and duplicates dropped, order kept", () => {
    expect(parseGroupList(" beta, staff ,, beta ,")).toEqual({ ok: true, groups: ["beta", "staff"] });
    expect(parseGroupList("beta\nstaff")).toEqual({ ok: true, groups: ["beta", "staff"] });
  });

  it("reads an empty line as no groups: everyone who can read the help center", () => {
    expect(parseGroupList("")).toEqual({ ok: true, groups: [] });
    expect(parseGroupList(" , ")).toEqual({ ok: true, groups: [] });
  });

  it("keeps case, because the groups claim is compared exactly", () => {
    expect(parseGroupList("Beta, beta")).toEqual({ ok: true, groups: ["Beta", "beta"] });
  });

  it("normalizes a name the way the sign-in token's groups claim is stored, so they match", () => {
    const typed = parseGroupList("  Early Access , beta");
    const claim = parseProfileClaims({ email: "a@example.com", name: "A", groups: ["Early Access ", " beta"] });
    expect(typed.ok).toBe(true);
    expect(claim.ok).toBe(true);
    if (!typed.ok || !claim.ok) return;
    expect(typed.groups).toEqual(["Early Access", "beta"]);
    expect(typed.groups).toEqual(claim.profile.groups);
  });

  it("refuses names the claim could never carry", () => {
    expect(parseGroupList("x".repeat(101))).toEqual({ ok: false, error: "Each group name can be at most 100 characters." });
    expect(parseGroupList("a\u0007b")).toEqual({ ok: false, error: expect.stringMatching(/control characters/) });
    const tooMany = Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `g${i}`).join(",");
    expect(parseGroupList(tooMany)).toEqual({ ok: false, error: expect.stringMatching(/at most 100/) });
  });
});

describe("formatGroupList", () => {
  it("writes the stored list back as the editor typed it", () => {
    expect(formatGroupList(["beta", "staff"])).toBe("beta, staff");
    expect(formatGroupList([])).toBe("");
    const round = parseGroupList(formatGroupList(["Early Access", "beta"]));
    expect(round).toEqual({ ok: true, groups: ["Early Access", "beta"] });
  });
});
