import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

// Article bodies are Markdown written by tenant editors. react-markdown renders to React elements
// and ignores raw HTML, so a body cannot inject script or markup into the help center. GitHub's
// extensions (tables, strikethrough, task lists, bare links) as editors expect from Markdown.
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm]}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          // A wide table scrolls in its own box on a phone; the table itself stays a table for
          // screen readers (display:block on it would lose that in some).
          table: ({ children }) => (
            <div className="overflow-x-auto">
              <table>{children}</table>
            </div>
          ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
