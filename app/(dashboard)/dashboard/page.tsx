import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/auth/require-member";
import { listMemberships } from "@/lib/data/memberships";
import { SignOutButton } from "./[tenant]/_components/sign-out-button";

export const metadata: Metadata = { title: "Dashboard" };

// The dashboard's entry: straight to your help center, or a choice when you belong to several.
export default async function DashboardIndex() {
  const user = await currentUserId();
  if (!user) redirect("/sign-in?callbackUrl=/dashboard");
  const memberships = await listMemberships(user.id);
  if (memberships.length === 1) redirect(`/dashboard/${memberships[0]!.tenant.subdomain}`);
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">Your help centers</h1>
      {/* The tenant pages' menu has Sign out; this page has no menu, and is a dead end without it
          for someone in no help center (signed in with the wrong account, say). */}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <p>Signed in as {user.email}.</p>
        <SignOutButton />
      </div>
      {memberships.length === 0 ? (
        <p className="mt-4 text-slate-600">
          You are not a member of any help center yet. <Link href="/sign-up" className="text-brand-700 underline">Create one</Link>, or ask an
          admin for an invite link.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {memberships.map(({ tenant, role }) => (
            <li key={tenant.id} className="flex items-center justify-between p-4">
              <Link href={`/dashboard/${tenant.subdomain}`} className="font-medium text-brand-700 hover:underline">
                {tenant.name}
              </Link>
              <span className="text-sm text-slate-500">{role}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
