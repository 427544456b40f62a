import "server-only";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// An article's Markdown as an HTML string, for the widget (which sets it inside its shadow root on
// a customer's page) and the read API. The same parser the help-center pages use (react-markdown
// is remark-parse + remark-rehype, both with remark-gfm), and the same safety: raw HTML in the Markdown is dropped
// (remark-rehype without allowDangerousHtml), then rehype-sanitize's GitHub-style schema removes
// anything left that could run script (javascript: URLs, event handlers, unknown elements).
// remark-rehype already prefixes the only ids there are (footnotes: raw HTML is dropped) with
// "user-content-", as the sanitizer would; prefixing them twice broke footnote links.
const schema = { ...defaultSchema, clobberPrefix: "" };
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();

export function articleHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
