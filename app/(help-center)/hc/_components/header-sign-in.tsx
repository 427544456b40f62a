"use client";

import { useSelectedLayoutSegment } from "next/navigation";

// The header's Sign in, except on "You are signed out": that page's own Sign in again is its one
// action (two side by side read as two different things), and the header's would come back to
// "You are signed out" after signing in. Read from the route, not the URL, so a client-side
// navigation away from the page brings it back.
export function HeaderSignIn({ href }: { href: string }) {
  if (useSelectedLayoutSegment() === "signed-out") return null;
  return (
    <a href={href} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
      Sign in
    </a>
  );
}
