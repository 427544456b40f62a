"use client";

import type { ButtonHTMLAttributes, Ref } from "react";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled"> & { pending: boolean; ref?: Ref<HTMLButtonElement> };

/**
 * A form's submit button that stays focusable while the form is being sent. A disabled button
 * drops keyboard focus to the start of the page, so someone who pressed it with the keyboard (or a
 * screen reader) would lose their place; aria-disabled says "busy" instead, and a press while the
 * form is pending is ignored, so nothing is sent twice. Style the busy look with
 * `aria-disabled:`.
 */
export function SubmitButton({ pending, onClick, ...props }: Props) {
  return (
    <button
      {...props}
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
}
