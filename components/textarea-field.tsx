"use client";

import type { ChangeEvent, ReactNode, TextareaHTMLAttributes } from "react";
import { FIELD_CONTROL_CLASS, FieldFrame, useErrorUntilEdited } from "./form-field";

// A labelled multi-line field, the <textarea> sibling of FormField.
export function TextAreaField({
  id,
  label,
  error,
  hint,
  ...textarea
}: { id: string; label: string; error?: string; hint?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const shown = useErrorUntilEdited<HTMLTextAreaElement>(error, textarea.value);
  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    shown.markEdited();
    textarea.onChange?.(event);
  };
  return (
    <FieldFrame id={id} label={label} error={shown.error} hint={hint}>
      {(describedBy) => (
        <textarea
          ref={shown.ref}
          id={id}
          name={id}
          rows={6}
          aria-invalid={shown.error ? true : undefined}
          aria-describedby={describedBy}
          className={`mt-1 ${FIELD_CONTROL_CLASS}`}
          {...textarea}
          onChange={onChange}
        />
      )}
    </FieldFrame>
  );
}
