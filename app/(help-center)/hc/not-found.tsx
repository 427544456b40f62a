import Link from "next/link";

// A missing article, category or request on a help center: inside its header, with a way home. An
// article the reader's groups may not see lands here too, and says no more than a missing one.
export default function HelpCenterNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing here, or nothing you can see. Check the link, or start again from the home page.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Go to the home page
      </Link>
    </div>
  );
}
