import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH, slugify, slugProblem } from "./slug";

describe("slugify", () => {
  it("turns a title into lower-case words joined by hyphens", () => {
    expect(slugify("Reset your password")).toBe("reset-your-password");
    expect(slugify("  Billing & Invoices (2026)!  ")).toBe("billing-invoices-2026");
    expect(slugify("What's new?")).toBe("what-s-new");
  });

  it("drops accents and spells out a few letters NFKD does not decompose", () => {
    expect(slugify("Café crème à Zürich")).toBe("cafe-creme-a-zurich");
    expect(slugify("Straße Ærø")).toBe("strasse-aero");
  });

  it("returns an empty slug when nothing Latin is left, so the editor types one", () => {
    expect(slugify("日本語")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("stays within the length limit, cutting at a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(/^(word-)*word$/);
    expect(slugify("x".repeat(200))).toBe("x".repeat(SLUG_MAX_LENGTH));
  });

  it("always yields a slug the server accepts (or an empty one)", () => {
    for (const title of ["A -- B", "-lead", "trail-", "Ünïcödé Tïtlé", "a_b.c/d", "x".repeat(81) + " y"]) {
      const slug = slugify(title);
      expect(slug === "" || slugProblem(slug) === null, `${title} → ${slug}`).toBe(true);
    }
  });
});

describe("slugProblem", () => {
  it("accepts lower-case words joined by single hyphens", () => {
    expect(slugProblem("change-your-plan")).toBeNull();
    expect(slugProblem("v2")).toBeNull();
  });

  it("explains what is wrong with anything else", () => {
    expect(slugProblem("")).toMatch(/Enter a slug/);
    expect(slugProblem("Upper")).toMatch(/lower-case/);
    expect(slugProblem("two--hyphens")).toMatch(/single hyphens/);
    expect(slugProblem("-lead")).not.toBeNull();
    expect(slugProblem("../admin")).not.toBeNull();
    expect(slugProblem("a".repeat(SLUG_MAX_LENGTH + 1))).toBe("The slug can be at most 80 characters.");
  });
});
