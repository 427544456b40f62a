"use client";

import { useEffect, useRef, type RefObject } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";

/**
 * Where the answer to a change that takes its own row away (removing a member, revoking an invite)
 * is shown: above the list, since on success the page refreshes without the row, and a message or
 * focus kept in it would vanish with it. Focus moves here when an answer comes.
 */
export function useRowOutcome(state: ActionState): RefObject<HTMLDivElement | null> {
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // state changes only when the action answers: focus follows a new outcome only.
    if (state.message) outcome.current?.focus();
  }, [state]);
  return outcome;
}

export function RowOutcome({
  ref,
  state,
  pending,
  pendingText,
}: {
  ref: RefObject<HTMLDivElement | null>;
  state: ActionState;
  pending: boolean;
  /** what is being done, while it is; null when nothing says what */
  pendingText: string | null;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="mt-3 space-y-2 focus:outline-none">
      {/* Always in the page, so assistive technology is already listening when the text changes. */}
      <p role="status" className={state.ok && !pending ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" : "sr-only"}>
        {pending && pendingText ? pendingText : state.ok ? state.message : ""}
      </p>
      {!pending && <FormMessage message={state.ok ? undefined : state.message} />}
    </div>
  );
}
