import Link from "next/link";

// A dashboard member without the role a page needs (e.g. support opening SSO settings).
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-slate-600">Your role in this help center does not include it. Ask an owner or admin if you need it.</p>
      <Link href="/dashboard" className="mt-6 text-brand-700 underline">Back to the dashboard</Link>
    </main>
  );
}
