"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { cancelInvite } from "../actions";
import { PendingInviteRow, type ListedInvite } from "./member-rows";
import { useConfirmedRowRemoval } from "./confirmed-row-removal";
import { RowOutcome, useRowOutcome } from "./row-outcome";

/**
 * The pending invites, and revoking one. As with removing a member (MemberList), the list asks
 * first, naming whose link stops working (confirmed-row-removal.tsx); the answer is announced and
 * focused above the rows (row-outcome.tsx), since the row is gone once it succeeds.
 * The section stays when the last invite goes, so the answer has somewhere to be.
 */
export function PendingInviteList({ subdomain, invites, canManageOwners }: { subdomain: string; invites: ListedInvite[]; canManageOwners: boolean }) {
  const [state, revokeAction, revoking] = useActionState<ActionState, FormData>(cancelInvite.bind(null, subdomain), {});
  const outcome = useRowOutcome(state);
  const { target, ask, confirmation } = useConfirmedRowRemoval<ListedInvite>({
    busy: revoking,
    outcome,
    action: revokeAction,
    field: (invite) => ({ name: "inviteId", value: invite?.id ?? "" }),
    describe: (invite) => ({
      title: `Revoke the invite for ${invite?.email ?? "this person"}?`,
      description: `The link sent to ${invite?.email ?? "them"} stops working at once, even if it is open in their browser. To let them join later, invite them again.`,
    }),
    confirmLabel: "Revoke invite",
  });

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
              onRevoke={ask}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No pending invites.</p>
      )}
      {confirmation}
    </section>
  );
}
