import type { Metadata } from "next";

export const metadata: Metadata = { title: "Dashboard" };

// Placeholder until dashboard accounts land (sign-in, tenants, Settings → Security → SSO).
export default function DashboardPage() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-20">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <p className="mt-4 text-slate-600">
        Dashboard sign-in and SSO settings are not available in this version yet. The demo help center is at your{" "}
        <code>acme</code> subdomain.
      </p>
    </main>
  );
}
