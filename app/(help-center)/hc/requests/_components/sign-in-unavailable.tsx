import Link from "next/link";

// /requests on a help center where no sign-in can start (SSO off, or on without a Login URL, for
// the widget and API): requests belong to a signed-in person, and /sso/login would only answer
// "not configured", so say plainly what is going on instead.
export function SignInUnavailable({ helpCenterName }: { helpCenterName: string }) {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 p-6">
      <h1 className="text-2xl font-semibold">Requests need you to be signed in</h1>
      <p className="mt-3 text-slate-600">
        To raise a request you need to be signed in, and signing in does not start on this site. If {helpCenterName}&apos;s own app links you
        here signed in, come back that way; otherwise please contact them the way you usually do. Once you are signed in, your requests will
        be here.
      </p>
      <Link href="/" className="mt-5 inline-block text-brand-700 underline">Back to the help center</Link>
    </section>
  );
}
