import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

// Shown for unknown help-center hosts and missing pages alike, and says nothing about which.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing at this address. Check the link, or ask whoever sent it.</p>
      {/* "/" of this same host: a page of its own whatever the host is, so the link tells nothing either. */}
      <Link href="/" className="mt-6 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Go to the home page
      </Link>
    </main>
  );
}
