"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { changeRole } from "../actions";

type Role = "owner" | "admin" | "support" | "editor";

export type ListedMember = { userId: string; email: string; role: Role };

/**
 * One member: their role, changed here, and a Remove button that only asks the list (MemberList)
 * to confirm and remove, since the outcome must outlive this row.
 */
export function MemberRow({
  subdomain,
  member,
  isSelf,
  lastOwner,
  canManageOwners,
  removing,
  onRemove,
}: {
  subdomain: string;
  member: ListedMember;
  isSelf: boolean;
  lastOwner: boolean;
  canManageOwners: boolean;
  removing: boolean;
  onRemove: (member: ListedMember, button: HTMLButtonElement) => void;
}) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState, FormData>(changeRole.bind(null, subdomain), {});
  const locked = member.role === "owner" && !canManageOwners;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4">
      <div className="min-w-0">
        <p className="truncate font-medium">{member.email}{isSelf && <span className="ml-2 text-xs text-slate-500">(you)</span>}</p>
        {lastOwner ? (
          <p className="text-xs text-slate-500">The only owner: cannot be removed or demoted.</p>
        ) : (
          isSelf && (
            <p className="text-xs text-slate-500">
              You cannot remove yourself: ask another owner or admin to remove you. As Support or Editor you would no longer see this page.
            </p>
          )
        )}
        {roleState.message && <p role={roleState.ok ? "status" : "alert"} className={`text-sm ${roleState.ok ? "text-green-700" : "text-red-700"}`}>{roleState.message}</p>}
      </div>
      <div className="flex items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={member.userId} />
          <label className="sr-only" htmlFor={`role-${member.userId}`}>Role of {member.email}</label>
          <select id={`role-${member.userId}`} name="role" defaultValue={member.role} disabled={locked || lastOwner} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {(canManageOwners || member.role === "owner") && <option value="owner">Owner</option>}
            <option value="admin">Admin</option>
            <option value="support">Support</option>
            <option value="editor">Editor</option>
          </select>
          <button type="submit" disabled={rolePending || locked || lastOwner} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50">
            {rolePending ? "Saving…" : "Change role"}
          </button>
        </form>
        {/* aria-disabled while its removal runs: disabling a focused button would drop focus to the page's start. */}
        <button
          type="button"
          disabled={locked || lastOwner || isSelf}
          aria-disabled={removing || undefined}
          onClick={(event) => onRemove(member, event.currentTarget)}
          aria-label={`Remove ${member.email}`}
          className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50 aria-disabled:opacity-50"
        >
          {removing ? "Removing…" : "Remove"}
        </button>
      </div>
    </li>
  );
}

export type ListedInvite = { id: string; email: string; role: Role; expiresAt: string };

/**
 * One pending invite. Its Revoke only asks the list (PendingInviteList) to confirm and revoke,
 * since the outcome must outlive this row.
 */
export function PendingInviteRow({
  invite,
  canManageOwners,
  revoking,
  busy,
  onRevoke,
}: {
  invite: ListedInvite;
  canManageOwners: boolean;
  /** this invite is being revoked */
  revoking: boolean;
  /** some invite is being revoked: one at a time */
  busy: boolean;
  onRevoke: (invite: ListedInvite, button: HTMLButtonElement) => void;
}) {
  const locked = invite.role === "owner" && !canManageOwners;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm">
      <div className="min-w-0">
        <p>{invite.email} · {invite.role} · expires {invite.expiresAt.slice(0, 10)}</p>
        {locked && <p className="text-xs text-slate-500">An owner invite: only an owner can revoke it.</p>}
      </div>
      {/* aria-disabled while busy, not disabled: a disabled button would drop keyboard focus. */}
      <button
        type="button"
        disabled={locked}
        aria-disabled={busy || undefined}
        onClick={(event) => {
          if (!busy) onRevoke(invite, event.currentTarget);
        }}
        aria-label={`Revoke the invite for ${invite.email}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50 aria-disabled:opacity-50"
      >
        {revoking ? "Revoking…" : "Revoke"}
      </button>
    </li>
  );
}
