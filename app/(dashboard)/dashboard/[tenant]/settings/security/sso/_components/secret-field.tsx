"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { generateSecret, revealSecret } from "../actions";
import { RegenerateDialog } from "./regenerate-dialog";

type SecretResult = ActionState & { secret?: string };

/**
 * The Shared Secret field. The stored secret is never put in the page: Reveal and Copy fetch it
 * (and are audited). Typing a new value pastes your own secret, saved with Apply JWT Settings.
 */
export function SecretField({ subdomain, hasSecret, error }: { subdomain: string; hasSecret: boolean; error?: string }) {
  const [value, setValue] = useState("");
  const [known, setKnown] = useState<string | null>(null); // the stored secret, once fetched
  const [revealed, setRevealed] = useState(false);
  const [exists, setExists] = useState(hasSecret);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  // Which button is working, so only it says so: a Reveal must never read as a regeneration.
  const [busy, setBusy] = useState<"generate" | "reveal" | "copy" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const working = pending ? busy : null;
  // Asks for the secret to be selected once it shows as text: a password field's value cannot be copied.
  const [selectRequests, setSelectRequests] = useState(0);
  useEffect(() => {
    if (selectRequests === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [selectRequests]);

  const run = (kind: "generate" | "reveal" | "copy", action: typeof generateSecret, then: (result: SecretResult) => void) => {
    setBusy(kind);
    startTransition(async () => {
      const result: SecretResult = await action(subdomain, {}, new FormData());
      // Before `then`, so that a notice of its own (Copy's) is the one left showing.
      setNotice(result.message ? { text: result.message, ok: Boolean(result.ok) } : null);
      if (result.ok && result.secret) then(result);
    });
  };

  const generate = () =>
    run("generate", generateSecret, ({ secret }) => {
      setKnown(secret!);
      setValue(secret!);
      setRevealed(true);
      setExists(true);
      // The dialog that asked is gone: put focus on the new secret rather than on the page.
      queueMicrotask(() => input.current?.focus());
    });
  const reveal = () =>
    run("reveal", revealSecret, ({ secret }) => {
      setKnown(secret!);
      setValue(secret!);
      setRevealed(true);
    });
  // What Reveal does, then the secret selected so that one keystroke copies it.
  const showToCopyByHand = (secret: string) => {
    setValue(secret);
    setRevealed(true);
    setSelectRequests((count) => count + 1);
    setNotice({ text: "Could not copy here: the secret is shown and selected, so copy it yourself (Ctrl+C, or ⌘C on a Mac).", ok: false });
  };
  const write = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setNotice({ text: "Copied to the clipboard.", ok: true });
    } catch {
      showToCopyByHand(secret); // refused: no permission, or the page lost focus meanwhile
    }
  };
  const copy = () => {
    // As CopyButton knows: navigator.clipboard is missing altogether on a plain-http address other
    // than localhost. Calling it anyway threw inside the transition and took the page down.
    const copyTo = navigator.clipboard ? write : showToCopyByHand;
    if (known) void copyTo(known);
    else run("copy", revealSecret, ({ secret }) => { setKnown(secret!); void copyTo(secret!); });
  };

  // Only a value the admin typed is sent as a new secret; the fetched one is not re-saved.
  const pasted = value !== "" && value !== known;
  const describedBy = ["sharedSecret-hint", error ? "sharedSecret-error" : null].filter(Boolean).join(" ");

  return (
    <div>
      <label htmlFor="sharedSecret" className="block text-sm font-medium text-slate-800">Shared Secret</label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={input}
          id="sharedSecret"
          name={pasted ? "sharedSecret" : undefined}
          type={revealed ? "text" : "password"}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={exists ? "•••••••• stored — Reveal to show" : "Generate one, or paste your own"}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="min-w-0 flex-1 basis-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm sm:basis-0 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        {exists ? <RegenerateDialog onConfirm={generate} pending={working === "generate"} disabled={pending} /> : (
          <button type="button" onClick={generate} disabled={pending} className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
            {working === "generate" ? "Generating…" : "Generate"}
          </button>
        )}
        {exists && (
          <>
            <button type="button" onClick={revealed ? () => setRevealed(false) : reveal} disabled={pending} className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-60">
              {working === "reveal" ? "Revealing…" : revealed ? "Hide" : "Reveal"}
            </button>
            <button type="button" onClick={copy} disabled={pending} className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-60">
              {working === "copy" ? "Copying…" : "Copy"}
            </button>
          </>
        )}
      </div>
      <p id="sharedSecret-hint" className="mt-1 text-xs text-slate-500">
        Generate (or Regenerate) makes a new 64-character secret. Or paste your own: at least 32 characters, not a well-known value.
      </p>
      {error && <p id="sharedSecret-error" className="mt-1 text-sm text-red-700">{error}</p>}
      {notice && <p role={notice.ok ? "status" : "alert"} className={`mt-1 text-sm ${notice.ok ? "text-green-700" : "text-red-700"}`}>{notice.text}</p>}
    </div>
  );
}
