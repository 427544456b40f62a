"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { removeArticle, removeCategory } from "../actions";
import { SubmitButton } from "@/components/submit-button";

// Deleting asks first. Radix traps focus in the dialog, closes on Escape and returns focus to the
// button. The dialog stays open while the delete runs and shows a refusal in place; on success
// the action sends the editor to the list, which says what was deleted.
export function DeleteDialog({
  subdomain,
  kind,
  id,
  title,
  articleCount = 0,
}: {
  subdomain: string;
  kind: "article" | "category";
  id: string;
  title: string;
  /** a category with articles cannot be deleted (the server refuses too; this just says so first) */
  articleCount?: number;
}) {
  const remove = kind === "article" ? removeArticle : removeCategory;
  const [state, action, pending] = useActionState<ActionState, FormData>(remove.bind(null, subdomain), {});
  const blocked = kind === "category" && articleCount > 0;
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" aria-label={`Delete ${kind} “${title}”`} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
          Delete
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold">{blocked ? `“${title}” cannot be deleted yet` : `Delete the ${kind} “${title}”?`}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            {blocked
              ? `It still has ${articleCount === 1 ? "1 article. Move it" : `${articleCount} articles. Move them`} to another category or delete ${articleCount === 1 ? "it" : "them"} first: articles always need a category.`
              : kind === "article"
                ? "It disappears from the help center at once. This cannot be undone."
                : "The empty category disappears from the help center at once. This cannot be undone."}
          </Dialog.Description>
          {state.message && <div className="mt-4"><FormMessage message={state.message} /></div>}
          <form action={action} className="mt-6 flex justify-end gap-3">
            <input type="hidden" name="id" value={id} />
            <Dialog.Close asChild>
              <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
                {blocked ? "Close" : "Cancel"}
              </button>
            </Dialog.Close>
            {!blocked && (
              <SubmitButton pending={pending} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 aria-disabled:opacity-60">
                {pending ? "Deleting…" : `Delete ${kind}`}
              </SubmitButton>
            )}
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
