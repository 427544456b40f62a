"use client";

import { useState } from "react";

/**
 * A Copy button for a value shown beside it, with the outcome said under it (and to screen
 * readers). Clipboard access can be refused: then the value is still there to select by hand.
 */
export function CopyButton({ text, describedWhat }: { text: string; describedWhat: string }) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const refused = () => setOutcome({ text: "Could not copy: select the text and copy it yourself.", ok: false });
  const copy = () => {
    // navigator.clipboard is missing altogether on a plain-http address other than localhost.
    if (!navigator.clipboard) return refused();
    navigator.clipboard.writeText(text).then(() => setOutcome({ text: `${describedWhat} copied to the clipboard.`, ok: true }), refused);
  };
  return (
    <div className="flex shrink-0 flex-col items-start gap-1 self-start">
      <button type="button" onClick={copy} aria-label={`Copy ${describedWhat.toLowerCase()}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
        Copy
      </button>
      {outcome && <p role={outcome.ok ? "status" : "alert"} className={`max-w-40 text-xs ${outcome.ok ? "text-green-700" : "text-red-700"}`}>{outcome.text}</p>}
    </div>
  );
}
