"use client";

import { useState, type FormEvent } from "react";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";
import type { ActionState } from "@/lib/auth/member-action";

/**
 * A content form's field errors as they should be shown now: the last refused save's, minus those
 * of fields changed since (by the editor, or by the form itself, like the slug following the
 * title): a red message beside a value that may be fixed only confuses. The next answer from the
 * server brings back whatever it still refuses. Also the form's message, without "Some fields need
 * attention" once no field is marked any more.
 *
 * Put `onChange` on the <form> (changes bubble up from every named control) and call `markChanged`
 * for a value the form changes itself.
 */
export function useFieldErrors<F extends string>(state: ActionState<F>) {
  const [seen, setSeen] = useState<{ state: ActionState<F>; changed: ReadonlySet<string> }>({ state, changed: new Set() });
  let changed = seen.changed;
  if (seen.state !== state) {
    // A new answer from the server: its errors are all current.
    changed = new Set();
    setSeen({ state, changed });
  }
  const errors: Partial<Record<F, string>> = {};
  for (const [field, error] of Object.entries(state.fieldErrors ?? {}) as [F, string | undefined][]) {
    if (error && !changed.has(field)) errors[field] = error;
  }
  const allFixedMaybe = Object.keys(state.fieldErrors ?? {}).length > 0 && Object.keys(errors).length === 0;
  const message = state.ok || (allFixedMaybe && state.message === FIELDS_NEED_ATTENTION) ? undefined : state.message;

  const markChanged = (field: string) =>
    setSeen((current) => (current.changed.has(field) ? current : { state: current.state, changed: new Set(current.changed).add(field) }));
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as Partial<HTMLInputElement>).name;
    if (name) markChanged(name);
  };
  return { errors, message, markChanged, onChange };
}
