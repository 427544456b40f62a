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
    // The README may add a note after the fix: the Login URL bounce, exactly where it happens.
    expect(hint!.startsWith(REASONS[reason].ownerHint)).toBe(true);
    expect(hint!.endsWith("*(bounced once to the Login URL)*"), "the bounce note").toBe(REASONS[reason].freshTokenFixes);
  });
});

describe("which refusals bounce back to the Login URL", () => {
  it("are exactly the ones a freshly minted token fixes: expired, too old, key expired, replayed", () => {
    const bouncing = REJECTION_REASONS.filter((reason) => REASONS[reason].freshTokenFixes);
    expect(bouncing.toSorted()).toEqual(["jti_replayed", "key_expired", "token_expired", "token_too_old"]);
  });
});
