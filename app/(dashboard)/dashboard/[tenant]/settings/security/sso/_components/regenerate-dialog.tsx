"use client";

import * as Dialog from "@radix-ui/react-dialog";

// Regenerating breaks every token signed with the old secret at once, so it asks first. Radix
// handles focus (trapped in the dialog, back to the button on close) and Escape.
export function RegenerateDialog({ onConfirm, pending, disabled }: { onConfirm: () => void; pending: boolean; disabled: boolean }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" disabled={disabled} className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {pending ? "Generating…" : "Regenerate"}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold">Regenerate the shared secret?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            Tokens signed with the old secret stop working at once: sign-ins fail until your backend uses the new secret.
          </Dialog.Description>
          <div className="mt-6 flex justify-end gap-3">
            <Dialog.Close asChild>
              <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
                Cancel
              </button>
            </Dialog.Close>
            <Dialog.Close asChild>
              <button type="button" onClick={onConfirm} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700">
                Regenerate secret
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
