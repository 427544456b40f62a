import type { Metadata } from "next";
import Link from "next/link";
import { currentUserId } from "@/lib/auth/require-member";
import { findUsableInvite } from "@/lib/data/members";
import { AcceptInvite } from "./accept-invite";
import { SignOutAndReturn } from "./sign-out-and-return";

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
          {/* Not a dead end: someone who already joined with this link signs in; anyone else can look around. */}
          <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <Link href="/sign-in" className="text-brand-700 underline">Sign in</Link>
            <Link href="/" className="text-brand-700 underline">Go to the Gatehouse home page</Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">Join {invite.tenant.name}</h1>
          <p className="mt-2 text-slate-600">
            You were invited as <strong>{invite.role}</strong>, for <strong>{invite.email}</strong>.
          </p>
          {user && user.email.toLowerCase() !== invite.email ? (
            <div className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p>You are signed in as {user.email}. To accept it as {invite.email}, sign out: this page then opens again, signed out.</p>
              <SignOutAndReturn token={token} />
            </div>
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
