"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/member-action";

/**
 * After a refused save, moves focus to the first field marked invalid, so keyboard and
 * screen-reader users land on what needs fixing (the body of a long article can push the form's
 * message far from the field). Returns the ref to put on the <form>.
 */
export function useFocusFirstError(state: ActionState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.fieldErrors || Object.keys(state.fieldErrors).length === 0) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return form;
}
