import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { DEMO_TENANT } from "@/lib/seed/demo-seed";
import { DemoLoginForm } from "./demo-login-form";

export const metadata: Metadata = { title: "Sign in to Acme (demo)" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// The demo tenant's Login URL: what a tenant's own app would show at its login page.
export default async function DemoLoginPage({ searchParams }: Props) {
  if (!env.DEMO_MODE) notFound();
  const params = await searchParams;
  const subdomain = first(params.subdomain);
  const jwtError = first(params.jwt_error);
  return (
    <main className="mx-auto max-w-sm px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">Acme app · demo</p>
      <h1 className="mt-2 text-2xl font-bold">Sign in to Acme</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page plays the part of your own product&apos;s login. It signs a token with the demo help center&apos;s shared secret
        and sends you back to the help center. No password: it is a demo.
      </p>
      {jwtError && (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The help center sent you back because the last sign-in failed (<code>{jwtError}</code>). Sign in again.
        </p>
      )}
      {subdomain && subdomain !== DEMO_TENANT.subdomain ? (
        <p role="alert" className="mt-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          This demo sign-in page only serves the {DEMO_TENANT.subdomain} demo help center.
        </p>
      ) : (
        <DemoLoginForm keyParam={first(params.key)} returnTo={first(params.return_to)} />
      )}
    </main>
  );
}
