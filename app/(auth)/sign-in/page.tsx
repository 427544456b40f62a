import type { Metadata } from "next";
import Link from "next/link";
import { signInDestination } from "@/lib/auth/sign-in-destination";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Sign in to Gatehouse</h1>
      <p className="mt-2 text-sm text-slate-600">
        New here? <Link href="/sign-up" className="text-brand-700 underline">Create your help center</Link>
      </p>
      <div className="mt-8">
        <SignInForm destination={signInDestination(typeof callbackUrl === "string" ? callbackUrl : null, new URL(env.APP_URL).origin)} />
      </div>
    </main>
  );
}
