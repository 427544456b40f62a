"use client";

import { useEffect, useRef } from "react";

/**
 * After a refused save, moves focus to the first field marked invalid, so keyboard and
 * screen-reader users land on what needs fixing (a long form can put the form's message far from
 * the field). Pass the errors object as the form received it: focus moves each time a new one
 * arrives with errors in it. Returns the ref to put on the <form>.
 */
export function useFocusFirstError(fieldErrors: Partial<Record<string, string>> | null | undefined) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!fieldErrors || Object.keys(fieldErrors).length === 0) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);
  return form;
}
