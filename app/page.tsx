import Link from "next/link";

export default function LandingPage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-20">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Gatehouse</p>
      <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">Help centers your customers sign in to with the account they already have</h1>
      <p className="mt-6 text-lg text-slate-600">
        Gatehouse hosts a help center for each of your products at its own address, public or private. Your backend signs a
        short-lived JWT with a shared secret; Gatehouse verifies it, signs the person in, and explains every rejected sign-in
        to your support team.
      </p>
      <ul className="mt-8 grid gap-3 text-slate-700 sm:grid-cols-3">
        <li className="rounded-lg border border-slate-200 p-4">JWT single sign-on (HS256) with replay protection</li>
        <li className="rounded-lg border border-slate-200 p-4">Private or public help centers on your subdomain or domain</li>
        <li className="rounded-lg border border-slate-200 p-4">Logs that say why a sign-in failed, and how to fix it</li>
      </ul>
      <div className="mt-10 flex flex-wrap items-center gap-3">
        <Link href="/sign-up" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Create your help center
        </Link>
        <Link href="/dashboard" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
          Open the dashboard
        </Link>
      </div>
    </main>
  );
}
