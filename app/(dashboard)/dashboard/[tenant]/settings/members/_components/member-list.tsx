"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { removeMember } from "../actions";
import { MemberRow, type ListedMember } from "./member-rows";
import { useConfirmedRowRemoval } from "./confirmed-row-removal";
import { RowOutcome, useRowOutcome } from "./row-outcome";

/**
 * The members, and removing one of them. Removal lives here, not in the row: on success the page
 * refreshes without that row, and a message or focus kept in the row would vanish with it
 * (confirmed-row-removal.tsx).
 */
export function MemberList({
  subdomain,
  members,
  selfId,
  canManageOwners,
}: {
  subdomain: string;
  members: ListedMember[];
  selfId: string;
  canManageOwners: boolean;
}) {
  const [state, removeAction, removing] = useActionState<ActionState, FormData>(removeMember.bind(null, subdomain), {});
  const outcome = useRowOutcome(state);
  const { target, ask, confirmation } = useConfirmedRowRemoval<ListedMember>({
    busy: removing,
    outcome,
    action: removeAction,
    field: (member) => ({ name: "userId", value: member?.userId ?? "" }),
    describe: (member) => ({
      title: `Remove ${member?.email ?? "this member"}?`,
      description: `${member?.email ?? "They"} loses access to this help center's dashboard at once. Their account stays: to bring them back, invite them again.`,
    }),
    confirmLabel: "Remove member",
  });
  const owners = members.filter((m) => m.role === "owner").length;

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="text-lg font-semibold">Current members</h2>
      <RowOutcome ref={outcome} state={state} pending={removing} pendingText={target ? `Removing ${target.email}…` : null} />
      <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
        {members.map((m) => (
          <MemberRow
            key={m.userId}
            subdomain={subdomain}
            member={m}
            isSelf={m.userId === selfId}
            lastOwner={m.role === "owner" && owners === 1}
            canManageOwners={canManageOwners}
            removing={removing && target?.userId === m.userId}
            onRemove={ask}
          />
        ))}
      </ul>
      {confirmation}
    </section>
  );
}
