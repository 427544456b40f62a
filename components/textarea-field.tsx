import type { TextareaHTMLAttributes } from "react";
import { FIELD_CONTROL_CLASS, FieldFrame } from "./form-field";

// A labelled multi-line field, the <textarea> sibling of FormField.
export function TextAreaField({
  id,
  label,
  error,
  hint,
  ...textarea
}: { id: string; label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <textarea id={id} name={id} rows={6} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`mt-1 ${FIELD_CONTROL_CLASS}`} {...textarea} />
      )}
    </FieldFrame>
  );
}
