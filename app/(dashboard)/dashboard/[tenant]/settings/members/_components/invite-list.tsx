"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { cancelInvite } from "../actions";
import { PendingInviteRow, type ListedInvite } from "./member-rows";
import { RowOutcome, useRowOutcome } from "./row-outcome";

/**
 * The pending invites, and revoking one. Every row's Revoke sends the same form action, and the
 * answer is announced and focused above the rows (row-outcome.tsx). The section stays when the
 * last invite goes, so the answer has somewhere to be.
 */
export function PendingInviteList({ subdomain, invites, canManageOwners }: { subdomain: string; invites: ListedInvite[]; canManageOwners: boolean }) {
  const [state, revokeAction, revoking] = useActionState<ActionState, FormData>(cancelInvite.bind(null, subdomain), {});
  const [target, setTarget] = useState<ListedInvite | null>(null);
  const outcome = useRowOutcome(state);

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
              action={revokeAction}
              revoking={revoking && target?.id === invite.id}
              busy={revoking}
              onRevoke={() => setTarget(invite)}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No pending invites.</p>
      )}
    </section>
  );
}
