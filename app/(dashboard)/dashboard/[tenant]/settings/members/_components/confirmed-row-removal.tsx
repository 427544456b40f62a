"use client";

import { useRef, useState, type ReactNode, type RefObject } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";

/**
 * Asking before a change that takes its own row away (removing a member, revoking an invite). The
 * row's button only calls `ask` with its item; the list asks, naming it, then sends one hidden form
 * for the chosen item, and the answer is shown above the list (row-outcome.tsx), since the row is
 * gone once it succeeds. Focus goes back to the button on Cancel, else to the outcome. Render
 * `confirmation` once, anywhere in the list.
 */
export function useConfirmedRowRemoval<T>({
  busy,
  outcome,
  action,
  field,
  describe,
  confirmLabel,
}: {
  /** the action is running: one at a time */
  busy: boolean;
  outcome: RefObject<HTMLElement | null>;
  action: (formData: FormData) => void;
  /** the form field naming the chosen item */
  field: (item: T | null) => { name: string; value: string };
  describe: (item: T | null) => { title: string; description: string };
  confirmLabel: string;
}): { target: T | null; ask: (item: T, button: HTMLButtonElement) => void; confirmation: ReactNode } {
  const [target, setTarget] = useState<T | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const ask = (item: T, button: HTMLButtonElement) => {
    if (busy) return;
    returnFocus.current = button;
    setTarget(item);
    setConfirming(true);
  };
  const { name, value } = field(target);
  const { title, description } = describe(target);
  const confirmation = (
    <>
      <form ref={form} action={action} hidden>
        <input type="hidden" name={name} value={value} />
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        returnFocusTo={returnFocus}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        onConfirm={() => {
          // The row is about to go: focus waits on the outcome, which the answer then fills.
          returnFocus.current = outcome.current;
          form.current?.requestSubmit();
        }}
      />
    </>
  );
  return { target, ask, confirmation };
}
