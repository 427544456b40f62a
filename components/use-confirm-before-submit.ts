"use client";

import { useRef, useState, type FormEvent, type RefObject } from "react";

/**
 * A form whose submit must sometimes be confirmed first (a change that breaks something in use).
 * In the form's onSubmit, `stopToAsk(event, needed)` stops a submit that needs confirming and opens
 * the dialog; spread `dialog` on the ConfirmDialog, whose Confirm submits the form again, this time
 * going through. Only that one resubmission goes through unasked.
 */
export function useConfirmBeforeSubmit(formRef: RefObject<HTMLFormElement | null>) {
  const [open, setOpen] = useState(false);
  const confirmed = useRef(false);
  return {
    /** true when the submit was stopped to ask first */
    stopToAsk(event: FormEvent<HTMLFormElement>, needed: boolean): boolean {
      if (needed && !confirmed.current) {
        event.preventDefault();
        setOpen(true);
        return true;
      }
      confirmed.current = false;
      return false;
    },
    dialog: {
      open,
      onOpenChange: setOpen,
      onConfirm: () => {
        confirmed.current = true;
        formRef.current?.requestSubmit();
      },
    },
  };
}
