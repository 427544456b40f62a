// The dashboard's preview and the help center render article bodies with components/markdown.tsx.
// Bodies are written by tenant editors and read by their end users, so this pins that no body can
// put markup, script or a script URL into a page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("article Markdown", () => {
  it("renders ordinary Markdown", () => {
    const html = render("# Title\n\nSome **bold** text and a [link](https://example.com/docs).\n\n- one\n- two");
    // The page's title is its only h1: a body's "# Title" is a section heading.
    expect(html).toContain("<h2>Title</h2>");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com/docs" rel="noopener noreferrer nofollow">link</a>');
    expect(html).toContain("<li>one</li>");
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil.test"></iframe>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<script|<img|<iframe|<div onclick|onerror|onclick/);
  });

  it("never links or embeds a javascript:, vbscript: or data: URL", () => {
    const html = render("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) ![d](data:text/html,<script>x</script>) <javascript:alert(3)>");
    const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url === "")).toBe(true);
  });
});
