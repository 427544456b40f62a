import type { Metadata } from "next";
import Link from "next/link";
import { currentUserId } from "@/lib/auth/require-member";
import { findUsableInvite } from "@/lib/data/members";
import { AcceptInvite } from "./accept-invite";

export const metadata: Metadata = { title: "Join a help center" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [invite, user] = await Promise.all([findUsableInvite(token), currentUserId()]);
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      {!invite ? (
        <>
          <h1 className="text-2xl font-bold">This invite cannot be used</h1>
          <p className="mt-2 text-slate-600">The link is invalid, expired (invites last 7 days) or was already used. Ask for a new one.</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">Join {invite.tenant.name}</h1>
          <p className="mt-2 text-slate-600">
            You were invited as <strong>{invite.role}</strong>, for <strong>{invite.email}</strong>.
          </p>
          {user && user.email.toLowerCase() !== invite.email ? (
            <p className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              You are signed in as {user.email}. Sign out and open this link again to accept it as {invite.email}.
            </p>
          ) : (
            <AcceptInvite token={token} email={invite.email} signedIn={Boolean(user)} />
          )}
          {!user && (
            <p className="mt-4 text-sm text-slate-600">
              Already have an account? <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: `/invite/${token}` })}`} className="text-brand-700 underline">Sign in</Link> to accept.
            </p>
          )}
        </>
      )}
    </main>
  );
}
