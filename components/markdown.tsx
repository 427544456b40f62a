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
          // A code block or a table wider than the column scrolls sideways in its own box (a wide
          // table on a phone; the table itself stays a table for screen readers, which display:block
          // on it would lose in some). tabIndex puts that box in the Tab order, so a keyboard can
          // scroll the hidden part into view with the arrow keys (WCAG 2.1.1; axe's
          // scrollable-region-focusable). Every such box gets it: the server cannot know which will
          // overflow on the reader's screen.
          pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
          // The page's own <h1> is the article's title: a body's "# Heading" is a section heading
          // like "##", so a page has one h1 and its headings keep their order (screen readers list them).
          h1: ({ children }) => <h2>{children}</h2>,
          table: ({ children }) => (
            <div className="overflow-x-auto" tabIndex={0}>
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
