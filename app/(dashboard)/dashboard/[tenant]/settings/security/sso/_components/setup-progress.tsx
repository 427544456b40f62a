/**
 * Shown while SSO is off: the steps to a working sign-in and which are done. Saving settings or a
 * secret never turns SSO on, and the switch sits at the top of a long page, so without this a new
 * admin could finish the form, see "saved" and believe sign-in works.
 */
export function SetupProgress({ hasLoginUrl, hasSecret }: { hasLoginUrl: boolean; hasSecret: boolean }) {
  const steps = [
    {
      done: hasLoginUrl,
      text: "Enter your Login URL under JWT settings and apply (skip it if you use tokens only for the widget and the API).",
    },
    { done: hasSecret, text: "Generate a shared secret, or paste your own, and give it to your backend." },
    { done: false, text: "Turn SSO on with the switch at the top of this page." },
  ];
  return (
    <section aria-labelledby="sso-setup-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm sm:p-5">
      <h2 id="sso-setup-heading" className="font-semibold text-amber-900">SSO is off</h2>
      <p className="mt-1 text-amber-900">Until it is on, nobody is sent to your Login URL and every token is refused.</p>
      <ol className="mt-3 space-y-1.5">
        {steps.map((step, index) => (
          <li key={step.text} className="flex gap-2">
            <span aria-hidden="true" className={`w-5 shrink-0 font-semibold ${step.done ? "text-green-700" : "text-slate-500"}`}>
              {step.done ? "✓" : `${index + 1}.`}
            </span>
            <span className={step.done ? "text-slate-600" : "text-slate-900"}>
              {step.text}
              {step.done && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
