import Link from "next/link";
import { requireCurrentTenant } from "@/lib/tenant/current-tenant";

export const dynamic = "force-dynamic";

export default async function HelpCenterLayout({ children }: { children: React.ReactNode }) {
  const tenant = await requireCurrentTenant();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-brand-50">
        <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
          <Link href="/" className="text-lg font-semibold text-slate-900">
            {tenant.name}
          </Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-4xl flex-1 px-6 py-10">
        {tenant.visibility === "private" ? <PrivateNotice /> : children}
      </main>
    </div>
  );
}

// Until end-user SSO sessions exist, a private help center shows nothing of its content.
function PrivateNotice() {
  return (
    <section className="rounded-lg border border-slate-200 p-6">
      <h1 className="text-xl font-semibold">This help center is private</h1>
      <p className="mt-2 text-slate-600">Sign in through your company account to read it.</p>
    </section>
  );
}
