// The README's table of reason codes is what tenants read: it must say what the product says.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REASONS, REJECTION_REASONS } from "./reasons";

const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("README's reason-code table", () => {
  it.each(REJECTION_REASONS.map((reason) => [reason]))("%s: status, message and fix as the product has them", (reason) => {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${reason}\` |`));
    expect(row, `no README row for ${reason}`).toBeDefined();
    const [, status, title, hint] = row!.replace(/\s*\|$/, "").split(" | ").map((cell) => cell.trim());
    expect(Number(status)).toBe(REASONS[reason].status);
    expect(title).toBe(REASONS[reason].title);
    // The README may add a note after the fix (e.g. the Login URL bounce).
    expect(hint!.startsWith(REASONS[reason].ownerHint)).toBe(true);
  });
});
