import ReactMarkdown from "react-markdown";

// Article bodies are Markdown written by tenant editors. react-markdown renders to React elements
// and ignores raw HTML, so a body cannot inject script or markup into the help center.
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
