import Link from "next/link";
import { getViewer, signInPath } from "@/lib/help-center/viewer";

// A missing article, category or request on a help center: inside its header, with a way home. An
// article the reader's groups may not see lands here too, and says no more than a missing one.
// A signed-out visitor who can sign in is offered to, for every missing page alike: a shared link
// to an article for signed-in readers then leads somewhere, and a missing page gets the same offer,
// so the offer tells nobody whether the page exists.
export default async function HelpCenterNotFound() {
  const { tenant, user } = await getViewer();
  const signInHref = !user && tenant.signInWorks ? await signInPath() : null;
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing here, or nothing you can see. Check the link, or start again from the home page.</p>
      {signInHref && <p className="mt-3 text-slate-600">Some pages are only for signed-in readers: sign in, and if this is one of them you will come back to it.</p>}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {signInHref && (
          <a href={signInHref} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            Sign in
          </a>
        )}
        <Link href="/" className={signInHref ? "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50" : "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
