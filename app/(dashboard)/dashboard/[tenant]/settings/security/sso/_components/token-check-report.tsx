import { CodeText } from "@/components/code-text";
import type { CheckStatus, TokenCheckReport } from "@/lib/sso/token-check";

const MARK: Record<CheckStatus, { icon: string; className: string }> = {
  passed: { icon: "✓", className: "text-green-700" },
  failed: { icon: "✗", className: "font-semibold text-red-700" },
  "not reached": { icon: "·", className: "text-slate-500" },
};

/** The tester's answer: the verdict, every check in order, and the token as decoded. */
export function TokenCheckReportView({ report }: { report: TokenCheckReport }) {
  const { failure } = report;
  return (
    <div className="mt-6 space-y-6">
      <div role="status" className={`rounded-lg border p-4 ${failure ? "border-red-200 bg-red-50" : "border-green-200 bg-green-50"}`}>
        <h3 className="font-semibold">
          {failure ? (
            <>Refused: {failure.check} <span className="ml-1 font-mono text-sm text-red-700">{failure.reason}</span></>
          ) : (
            <>All checks passed: {{ widget: "the widget API would accept this token.", cookie: "the hc_jwt cookie would start a session for this person.", redirect: "/sso/jwt would sign this person in." }[report.kind]}</>
          )}
        </h3>
        {failure && (
          <>
            <p className="mt-2"><CodeText text={failure.explanation} /></p>
            <p className="mt-2 text-sm"><span className="font-medium">How to fix it:</span> <CodeText text={failure.fix} /></p>
          </>
        )}
        {!failure && report.kind === "redirect" && (
          <p className="mt-2 text-sm">Whether the person is suspended, or their email belongs to someone else, is only decided when they sign in.</p>
        )}
      </div>

      <section aria-labelledby="tester-checks-heading">
        <h3 id="tester-checks-heading" className="font-semibold">Checks, in order</h3>
        <ol className="mt-2 space-y-1.5 text-sm" aria-label="Checks">
          {report.steps.map((step) => (
            <li key={step.label} className={MARK[step.status].className}>
              <span aria-hidden className="inline-block w-4">{MARK[step.status].icon}</span> {step.label}{" "}
              <span className="text-xs">({step.status})</span>
              {step.note && <span className="block pl-4 text-xs text-slate-600">{step.note}</span>}
            </li>
          ))}
        </ol>
        {report.kind === "widget" && <p className="mt-2 text-xs text-slate-500">Widget tokens may be used again until they expire: no replay or redirect-key check.</p>}
      </section>

      <section aria-labelledby="tester-token-heading">
        <h3 id="tester-token-heading" className="font-semibold">The token, decoded</h3>
        {!report.signatureVerified && (report.header || report.claims) && (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            Unverified: the signature was not checked or did not verify, so anyone could have written these values.
          </p>
        )}
        {report.times.length > 0 && (
          <table className="mt-3 text-sm">
            <caption className="sr-only">Token times</caption>
            <tbody>
              {report.times.map((time) => (
                <tr key={time.claim}>
                  <th scope="row" className="pr-4 text-left font-mono font-normal text-slate-600">{time.claim}</th>
                  <td className="pr-4">{time.utc}</td>
                  <td className="text-slate-600">{time.relative}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <div>
            <h4 className="text-sm font-medium">Header</h4>
            <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{report.header ? JSON.stringify(report.header, null, 2) : "Could not be decoded."}</pre>
          </div>
          <div>
            <h4 className="text-sm font-medium">Claims</h4>
            <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{report.claims ? JSON.stringify(report.claims, null, 2) : "Could not be decoded."}</pre>
          </div>
        </div>
      </section>
    </div>
  );
}
