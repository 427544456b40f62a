"use client";

import { useEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from "react";

/**
 * A field's error from the last submit, hidden once the field changes (it may be fixed now, and a
 * red message beside a valid value only confuses) and shown again by the next submit if the server
 * still finds it. A change is the person editing it (`markEdited`) or, for a controlled field, its
 * `value` moving away from what was submitted: a slug that follows the title changes without
 * being typed in.
 */
export function useErrorUntilEdited<E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(error: string | undefined, value?: unknown) {
  const [edited, setEdited] = useState(false);
  const [previous, setPrevious] = useState(error);
  const [submittedValue, setSubmittedValue] = useState(value === undefined ? undefined : String(value));
  if (error !== previous) {
    // A different error arrived: show it, whatever was edited before.
    setPrevious(error);
    setEdited(false);
  }
  const ref = useRef<E>(null);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const submitted = () => {
      setEdited(false);
      setSubmittedValue(ref.current?.value);
    };
    form.addEventListener("submit", submitted);
    return () => form.removeEventListener("submit", submitted);
  }, []);
  const changedByTheForm = value !== undefined && String(value) !== submittedValue;
  return { ref, error: edited || changedByTheForm ? undefined : error, markEdited: () => setEdited(true) };
}

/**
 * What every labelled field shares: the label, the hint and the error, tied to the control with
 * aria-describedby (`describedBy` is what the control must carry), for assistive technology.
 */
export function FieldFrame({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const FIELD_CONTROL_CLASS =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

// A labelled input, with room beside it for a button (children).
export function FormField({
  id,
  label,
  error,
  hint,
  children,
  ...input
}: { id: string; label: string; error?: string; hint?: ReactNode; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const shown = useErrorUntilEdited<HTMLInputElement>(error, input.value);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    shown.markEdited();
    input.onChange?.(event);
  };
  return (
    <FieldFrame id={id} label={label} error={shown.error} hint={hint}>
      {(describedBy) => (
        <div className="mt-1 flex gap-2">
          <input ref={shown.ref} id={id} name={id} aria-invalid={shown.error ? true : undefined} aria-describedby={describedBy} className={`min-w-0 ${FIELD_CONTROL_CLASS}`} {...input} onChange={onChange} />
          {children}
        </div>
      )}
    </FieldFrame>
  );
}

export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  const style = tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ${style}`}>
      {message}
    </p>
  );
}
