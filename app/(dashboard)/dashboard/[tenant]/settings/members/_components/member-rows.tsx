"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/member-action";
import { cancelInvite, changeRole, removeMember } from "../actions";

type Role = "owner" | "admin" | "support" | "editor";

export function MemberRow({
  subdomain,
  member,
  isSelf,
  lastOwner,
  canManageOwners,
}: {
  subdomain: string;
  member: { userId: string; email: string; role: Role };
  isSelf: boolean;
  lastOwner: boolean;
  canManageOwners: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState, FormData>(changeRole.bind(null, subdomain), {});
  const [removeState, removeAction, removePending] = useActionState<ActionState, FormData>(removeMember.bind(null, subdomain), {});
  const locked = member.role === "owner" && !canManageOwners;
  const message = removeState.message ?? roleState.message;
  const ok = removeState.message ? removeState.ok : roleState.ok;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4">
      <div className="min-w-0">
        <p className="truncate font-medium">{member.email}{isSelf && <span className="ml-2 text-xs text-slate-500">(you)</span>}</p>
        {lastOwner && <p className="text-xs text-slate-500">The only owner: cannot be removed or demoted.</p>}
        {message && <p role={ok ? "status" : "alert"} className={`text-sm ${ok ? "text-green-700" : "text-red-700"}`}>{message}</p>}
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
        <form action={removeAction}>
          <input type="hidden" name="userId" value={member.userId} />
          <button type="submit" disabled={removePending || locked || lastOwner} aria-label={`Remove ${member.email}`} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50">
            {removePending ? "Removing…" : "Remove"}
          </button>
        </form>
      </div>
    </li>
  );
}

export function PendingInviteRow({
  subdomain,
  invite,
  canManageOwners,
}: {
  subdomain: string;
  invite: { id: string; email: string; role: Role; expiresAt: string };
  canManageOwners: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(cancelInvite.bind(null, subdomain), {});
  const locked = invite.role === "owner" && !canManageOwners;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm">
      <div className="min-w-0">
        <p>{invite.email} · {invite.role} · expires {invite.expiresAt.slice(0, 10)}</p>
        {locked && <p className="text-xs text-slate-500">An owner invite: only an owner can revoke it.</p>}
        {state.message && !state.ok && <p role="alert" className="text-red-700">{state.message}</p>}
      </div>
      <form action={action}>
        <input type="hidden" name="inviteId" value={invite.id} />
        <button type="submit" disabled={pending || state.ok || locked} aria-label={`Revoke the invite for ${invite.email}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50">
          {state.ok ? "Revoked" : pending ? "Revoking…" : "Revoke"}
        </button>
      </form>
    </li>
  );
}
