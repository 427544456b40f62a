"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { ActionState } from "@/lib/auth/member-action";
import { cancelInvite } from "../actions";
import { PendingInviteRow, type ListedInvite } from "./member-rows";
import { RowOutcome, useRowOutcome } from "./row-outcome";

/**
 * The pending invites, and revoking one. As with removing a member (MemberList), the list asks
 * first, naming whose link stops working, then sends one form for the chosen row; the answer is
 * announced and focused above the rows (row-outcome.tsx), since the row is gone once it succeeds.
 * The section stays when the last invite goes, so the answer has somewhere to be.
 */
export function PendingInviteList({ subdomain, invites, canManageOwners }: { subdomain: string; invites: ListedInvite[]; canManageOwners: boolean }) {
  const [state, revokeAction, revoking] = useActionState<ActionState, FormData>(cancelInvite.bind(null, subdomain), {});
  const [target, setTarget] = useState<ListedInvite | null>(null);
  const [confirming, setConfirming] = useState(false);
  const revokeForm = useRef<HTMLFormElement>(null);
  const outcome = useRowOutcome(state);
  // Where focus goes when the dialog closes: the Revoke button pressed (Cancel), else the outcome.
  const returnFocus = useRef<HTMLElement | null>(null);

  const askToRevoke = (invite: ListedInvite, button: HTMLButtonElement) => {
    if (revoking) return;
    returnFocus.current = button;
    setTarget(invite);
    setConfirming(true);
  };

  if (invites.length === 0 && !state.message) return null;
  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading" className="text-lg font-semibold">Pending invites</h2>
      <RowOutcome ref={outcome} state={state} pending={revoking} pendingText={target ? `Revoking the invite for ${target.email}…` : null} />
      {invites.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {invites.map((invite) => (
            <PendingInviteRow
              key={invite.id}
              invite={invite}
              canManageOwners={canManageOwners}
              revoking={revoking && target?.id === invite.id}
              busy={revoking}
              onRevoke={askToRevoke}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No pending invites.</p>
      )}
      <form ref={revokeForm} action={revokeAction} hidden>
        <input type="hidden" name="inviteId" value={target?.id ?? ""} />
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        returnFocusTo={returnFocus}
        title={`Revoke the invite for ${target?.email ?? "this person"}?`}
        description={`The link sent to ${target?.email ?? "them"} stops working at once, even if it is open in their browser. To let them join later, invite them again.`}
        confirmLabel="Revoke invite"
        onConfirm={() => {
          // The row is about to go: focus waits on the outcome, which the answer then fills.
          returnFocus.current = outcome.current;
          revokeForm.current?.requestSubmit();
        }}
      />
    </section>
  );
}
