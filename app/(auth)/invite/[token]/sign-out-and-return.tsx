"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/**
 * Signs out and comes back to this invite, for someone signed in as another account than the one
 * invited: the page tells them to sign out and open the link again, and this does both.
 */
export function SignOutAndReturn({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      aria-disabled={pending || undefined}
      onClick={() => {
        if (pending) return;
        setPending(true);
        void signOut({ callbackUrl: `/invite/${encodeURIComponent(token)}` });
      }}
      className="mt-3 rounded-md border border-amber-300 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-100 aria-disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
