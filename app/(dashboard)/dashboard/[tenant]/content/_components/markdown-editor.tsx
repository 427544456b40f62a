"use client";

import { useDeferredValue, useState } from "react";
import { useErrorUntilEdited } from "@/components/form-field";
import { Markdown } from "@/components/markdown";
import { ARTICLE_BODY_MAX_BYTES, formatKilobytes, utf8Bytes } from "@/lib/content/limits";

// The article body, with a preview rendered by the same safe renderer the help center uses (no raw
// HTML, no script URLs), so what the editor sees is what readers get. The preview lags behind
// typing (useDeferredValue) so a long body never makes the textarea sluggish.
export function MarkdownEditor({ initialBody, error: refused }: { initialBody: string; error?: string }) {
  const [body, setBody] = useState(initialBody);
  const { ref, error } = useErrorUntilEdited<HTMLTextAreaElement>(refused, body);
  const preview = useDeferredValue(body);
  const bytes = utf8Bytes(body);
  const tooLong = bytes > ARTICLE_BODY_MAX_BYTES;
  const describedBy = ["body-hint", "body-size", error ? "body-error" : null].filter(Boolean).join(" ");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <label htmlFor="body" className="block text-sm font-medium text-slate-800">Body</label>
        <textarea
          ref={ref}
          id="body"
          name="body"
          rows={18}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={error || tooLong ? true : undefined}
          aria-describedby={describedBy}
          spellCheck
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
        />
        <p id="body-hint" className="mt-1 text-xs text-slate-500">
          Markdown: <code>## Heading</code>, <code>**bold**</code>, <code>_italic_</code>, <code>[link](https://…)</code>, lists, <code>`code`</code>, tables (<code>| a | b |</code> rows under a <code>|---|---|</code> line). HTML tags are left out (the text between them stays), never rendered.
        </p>
        <p id="body-size" className={`mt-1 text-xs ${tooLong ? "font-medium text-red-700" : "text-slate-500"}`}>
          {formatKilobytes(bytes)} of {formatKilobytes(ARTICLE_BODY_MAX_BYTES)}{tooLong && ": too long to save. Split it into several articles."}
        </p>
        {error && <p id="body-error" className="mt-1 text-sm text-red-700">{error}</p>}
      </div>
      <section aria-labelledby="preview-heading" className="min-w-0 rounded-md border border-slate-200 bg-slate-50 p-4">
        <h2 id="preview-heading" className="text-sm font-medium text-slate-600">Preview</h2>
        <p className="text-xs text-slate-500">As readers will see it. Links are not followed here.</p>
        {/* Links in the preview do not navigate: a click would leave the editor and lose unsaved work.
            Scrollable, so a long body does not push the rest of the form far down; focusable to scroll by keyboard. */}
        <div
          tabIndex={0}
          className="mt-3 max-h-[36rem] overflow-y-auto rounded bg-white p-4 wrap-anywhere"
          onClickCapture={(event) => {
            if ((event.target as Element).closest("a")) event.preventDefault();
          }}
        >
          {preview.trim() ? <Markdown source={preview} /> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}
        </div>
      </section>
    </div>
  );
}
