import { describe, expect, it } from "vitest";
import { articleHtml } from "./article-html";

describe("articleHtml", () => {
  it("renders GitHub-style tables and strikethrough, like the help-center pages", () => {
    const html = articleHtml("| Plan | Seats |\n|---|---|\n| Pro | 10 |\n\n~~old~~");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Plan</th>");
    expect(html).toContain("<td>10</td>");
    expect(html).toContain("<del>old</del>");
  });

  it("links footnotes to their notes", () => {
    const html = articleHtml("See the note.[^1]\n\n[^1]: The note.");
    const href = /href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(href).toBe("user-content-fn-1");
    expect(html).toContain(`id="${href}"`);
  });

  it("still drops raw HTML and script URLs", () => {
    const html = articleHtml('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });
});
