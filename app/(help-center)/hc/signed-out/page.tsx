import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/help-center/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const { tenant } = await getViewer();
  return { title: { absolute: `Signed out · ${tenant.name}` } };
}

// Where /sso/logout lands when the tenant has no Logout URL. Not behind sign-in, so a private
// help center does not bounce the visitor straight back into the Login URL. Its button is the one
// way to sign in here: the header leaves out its own Sign in on this page (HeaderSignIn).
export default async function SignedOutPage() {
  const { tenant } = await getViewer();
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-200 p-6 text-center">
      <h1 className="text-2xl font-semibold">You are signed out</h1>
      <p className="mt-2 text-slate-600">You have signed out of {tenant.name}.</p>
      {tenant.signInWorks ? (
        <a href="/sso/login" className="mt-5 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Sign in again
        </a>
      ) : (
        <Link href="/" className="mt-5 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Go to the home page
        </Link>
      )}
    </section>
  );
}
