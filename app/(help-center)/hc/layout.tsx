import Link from "next/link";
import { getViewer, signInPath } from "@/lib/help-center/viewer";
import { HeaderSignIn } from "./_components/header-sign-in";

export const dynamic = "force-dynamic";

export default async function HelpCenterLayout({ children }: { children: React.ReactNode }) {
  const { tenant, user } = await getViewer();
  const signInHref = await signInPath();
  // A private help center can only be private with working sign-in; a public one may have none.
  const offerSignIn = !user && tenant.visibility === "public" && tenant.signInWorks;
  return (
    <div className="flex min-h-screen flex-col">
      {/* Keyboard users skip the header to the page itself, as in the dashboard. */}
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-brand-50">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-4 sm:px-6">
          <Link href="/" className="text-lg font-semibold text-slate-900">
            {tenant.name}
          </Link>
          {user ? (
            <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm">
              <Link href="/requests" className="font-medium text-brand-700 hover:underline">
                Requests
              </Link>
              {/* Tenants often send an email address as the name: let it break anywhere on a phone. */}
              <span className="min-w-0 text-slate-700 wrap-anywhere">
                Signed in as <strong className="font-medium">{user.name}</strong>
              </span>
              <form action="/sso/logout" method="post">
                <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
                  Sign out
                </button>
              </form>
            </div>
          ) : offerSignIn ? (
            <HeaderSignIn href={signInHref} />
          ) : null}
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-10">{children}</main>
    </div>
  );
}
