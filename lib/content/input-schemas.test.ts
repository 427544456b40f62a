import { describe, expect, it } from "vitest";
import { articleInputSchema, categoryInputSchema } from "./input-schemas";
import { ARTICLE_BODY_MAX_BYTES } from "./limits";

const article = (fields: Record<string, string> = {}) => ({ categoryId: "c", title: "Refunds", slug: "refunds", body: "Hi", ...fields });
const category = (fields: Record<string, string> = {}) => ({ title: "Billing", slug: "billing", description: "", position: "0", ...fields });

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe("article input", () => {
  it("reads the form: trimmed title, LF line breaks, the checkbox, the group list", () => {
    const parsed = articleInputSchema.parse(article({ title: "  Refunds ", body: "a\r\nb\rc", published: "on", requiredGroups: " beta, Staff ,beta" }));
    expect(parsed).toEqual({ categoryId: "c", title: "Refunds", slug: "refunds", body: "a\nb\nc", published: true, requiredGroups: ["beta", "Staff"] });
    expect(articleInputSchema.parse(article())).toMatchObject({ published: false, requiredGroups: [] });
  });

  it("caps the body at 100 KB of UTF-8, saying how big it is", () => {
    expect(articleInputSchema.safeParse(article({ body: "x".repeat(ARTICLE_BODY_MAX_BYTES) })).success).toBe(true);
    const emoji = "🙂".repeat(ARTICLE_BODY_MAX_BYTES / 4 + 1); // fewer characters than bytes
    expect(fieldErrors(articleInputSchema.safeParse(article({ body: emoji })))).toEqual({ body: "The body is 100.1 KB; the limit is 100 KB. Split it into several articles." });
    expect(fieldErrors(articleInputSchema.safeParse(article({ body: "x".repeat(150 * 1024) })))).toEqual({ body: expect.stringContaining("The body is 150 KB") });
  });

  it("names each bad field", () => {
    const errors = fieldErrors(articleInputSchema.safeParse({ categoryId: "", title: " ", slug: "Not A Slug", body: "a\u0000b", requiredGroups: "x".repeat(101) }));
    expect(Object.keys(errors).sort()).toEqual(["body", "categoryId", "requiredGroups", "slug", "title"]);
    expect(errors.title).toBe("Give the article a title.");
    expect(fieldErrors(articleInputSchema.safeParse(article({ title: "x".repeat(201) })))).toEqual({ title: "The title can be at most 200 characters." });
    expect(fieldErrors(articleInputSchema.safeParse(article({ title: "a\u0007b" })))).toEqual({ title: "Titles cannot contain control characters." });
  });
});

describe("category input", () => {
  it("reads the form", () => {
    expect(categoryInputSchema.parse(category({ description: " Plans ", position: " 12 " }))).toEqual({ title: "Billing", slug: "billing", description: "Plans", position: 12 });
  });

  it("wants a whole position from 0 to 10000, never reading an emptied field as 0", () => {
    for (const position of ["", "-1", "1.5", "1e3", "10001", "abc"]) {
      expect(fieldErrors(categoryInputSchema.safeParse(category({ position }))), position).toEqual({ position: "Enter a whole number from 0 to 10000." });
    }
    expect(categoryInputSchema.parse(category({ position: "10000" })).position).toBe(10000);
  });

  it("limits the description", () => {
    expect(fieldErrors(categoryInputSchema.safeParse(category({ description: "x".repeat(501) })))).toEqual({ description: "The description can be at most 500 characters." });
  });
});
