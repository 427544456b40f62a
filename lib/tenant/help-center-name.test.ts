import { describe, expect, it } from "vitest";
import { HELP_CENTER_NAME_MAX, helpCenterNameSchema } from "./help-center-name";

const problem = (value: string) => {
  const result = helpCenterNameSchema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("help center name", () => {
  it("keeps a name, trimmed", () => {
    expect(helpCenterNameSchema.parse("  Acme Help  ")).toBe("Acme Help");
    expect(helpCenterNameSchema.parse("x".repeat(HELP_CENTER_NAME_MAX))).toHaveLength(HELP_CENTER_NAME_MAX);
  });
  it("asks for a name and keeps it short", () => {
    expect(problem("   ")).toBe("Name your help center.");
    expect(problem("x".repeat(HELP_CENTER_NAME_MAX + 1))).toBe("The name can be at most 100 characters.");
  });
  // PostgreSQL cannot store a NUL in text: without this, the save failed with a server error.
  it.each(["Acme\u0000Help", "Acme\tHelp", "Acme\nHelp", "Acme\u0085Help", "Acme\ud800Help"])("refuses control characters and broken text: %j", (value) => {
    expect(problem(value)).toMatch(/Remove control characters/);
  });
});
