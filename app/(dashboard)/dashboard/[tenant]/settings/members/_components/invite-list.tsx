"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { cancelInvite } from "../actions";
import { PendingInviteRow, type ListedInvite } from "./member-rows";

/**
 * The pending invites, and revoking one. As with removing a member (member-list.tsx), the outcome
 * is shown above the rows, not in the row: on success the page refreshes without that row, and a
 * message or focus kept in it would vanish with it, leaving a screen reader silent and focus at
 * the top of the page. So every row's Revoke sends the same form action, and the answer is
 * announced and focused here. The section stays when the last invite goes, so the answer has
 * somewhere to be.
 */
export function PendingInviteList({ subdomain, invites, canManageOwners }: { subdomain: string; invites: ListedInvite[]; canManageOwners: boolean }) {
  const [state, revokeAction, revoking] = useActionState<ActionState, FormData>(cancelInvite.bind(null, subdomain), {});
  const [target, setTarget] = useState<ListedInvite | null>(null);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // state changes only when a revocation answers: focus follows a new outcome only.
    if (state.message) outcome.current?.focus();
  }, [state]);

  if (invites.length === 0 && !state.message) return null;
  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading" className="text-lg font-semibold">Pending invites</h2>
      <div ref={outcome} tabIndex={-1} className="mt-3 space-y-2 focus:outline-none">
        {/* Always in the page, so assistive technology is already listening when the text changes. */}
        <p role="status" className={state.ok && !revoking ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" : "sr-only"}>
          {revoking && target ? `Revoking the invite for ${target.email}…` : state.ok ? state.message : ""}
        </p>
        {!revoking && <FormMessage message={state.ok ? undefined : state.message} />}
      </div>
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
