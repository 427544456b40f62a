import { describe, expect, it } from "vitest";
import { markdownExcerpt } from "./excerpt";

describe("markdownExcerpt", () => {
  it("reads Markdown as plain text: headings, emphasis, links and list markers go, their words stay", () => {
    expect(markdownExcerpt("# Reset\n\nOpen **Settings** and [click here](https://x.example).\n\n- one\n- two")).toBe("Reset Open Settings and click here. one two");
  });

  it("drops images, code blocks and raw HTML", () => {
    expect(markdownExcerpt("Hi ![logo](a.png)\n```\nsecret code\n```\n<script>alert(1)</script> there")).toBe("Hi alert(1) there");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const excerpt = markdownExcerpt("word ".repeat(100), 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith("word…")).toBe(true);
  });
});
