import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your help center" };
// The address it shows comes from APP_URL at run time, not from the machine that built the app.
export const dynamic = "force-dynamic";

export default function SignUpPage() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Create your help center</h1>
      <p className="mt-2 text-sm text-slate-600">
        Already have an account? <Link href="/sign-in" className="text-brand-700 underline">Sign in</Link>
      </p>
      <div className="mt-8">
        <SignUpForm rootHost={new URL(env.APP_URL).host} />
      </div>
    </main>
  );
}
