"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";

// Regenerating breaks every token signed with the old secret at once, so it asks first.
export function RegenerateDialog({ onConfirm, pending, disabled }: { onConfirm: () => void; pending: boolean; disabled: boolean }) {
  return (
    <ConfirmDialog
      trigger={
        <button type="button" disabled={disabled} className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {pending ? "Generating…" : "Regenerate"}
        </button>
      }
      title="Regenerate the shared secret?"
      description="Tokens signed with the old secret stop working at once: sign-ins fail until your backend uses the new secret."
      confirmLabel="Regenerate secret"
      onConfirm={onConfirm}
    />
  );
}
