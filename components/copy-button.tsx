"use client";

import { useState } from "react";

/** Copies `text` and says whether it worked, next to the button (screen readers hear it too). */
export function CopyButton({ text, label = "Copy", describedWhat }: { text: string; label?: string; describedWhat: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setStatus(`${describedWhat} copied.`),
      () => setStatus("Could not copy: select the text and copy it yourself."),
    );
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} aria-label={`${label} ${describedWhat.toLowerCase()}`} className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        {label}
      </button>
      <span role="status" className="text-xs text-slate-700">{status}</span>
    </span>
  );
}
