"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { ActionState } from "@/lib/auth/member-action";
import { removeMember } from "../actions";
import { MemberRow, type ListedMember } from "./member-rows";
import { RowOutcome, useRowOutcome } from "./row-outcome";

/**
 * The members, and removing one of them. Removal lives here, not in the row: on success the page
 * refreshes without that row, and a message or focus kept in the row would vanish with it. So the
 * list asks first (naming the member), sends one form for whichever row was chosen, and shows the
 * outcome above the rows, where focus goes once the dialog closes and again when the answer comes.
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
  const [target, setTarget] = useState<ListedMember | null>(null);
  const [confirming, setConfirming] = useState(false);
  const removeForm = useRef<HTMLFormElement>(null);
  const outcome = useRowOutcome(state);
  // Where focus goes when the dialog closes: the Remove button pressed (Cancel), else the outcome.
  const returnFocus = useRef<HTMLElement | null>(null);
  const owners = members.filter((m) => m.role === "owner").length;

  const askToRemove = (member: ListedMember, button: HTMLButtonElement) => {
    if (removing) return;
    returnFocus.current = button;
    setTarget(member);
    setConfirming(true);
  };

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
            onRemove={askToRemove}
          />
        ))}
      </ul>
      <form ref={removeForm} action={removeAction} hidden>
        <input type="hidden" name="userId" value={target?.userId ?? ""} />
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        returnFocusTo={returnFocus}
        title={`Remove ${target?.email ?? "this member"}?`}
        description={`${target?.email ?? "They"} loses access to this help center's dashboard at once. Their account stays: to bring them back, invite them again.`}
        confirmLabel="Remove member"
        onConfirm={() => {
          // Their row is about to go: focus waits on the outcome, which the answer then fills.
          returnFocus.current = outcome.current;
          removeForm.current?.requestSubmit();
        }}
      />
    </section>
  );
}
