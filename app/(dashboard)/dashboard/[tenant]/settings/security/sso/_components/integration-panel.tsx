import { CopyButton } from "@/components/copy-button";
import { integrationExample, type ExampleLanguage } from "@/lib/sso/integration-examples";

const LANGUAGES: { id: ExampleLanguage; label: string }[] = [
  { id: "node", label: "Node.js" },
  { id: "php", label: "PHP" },
  { id: "ruby", label: "Ruby" },
  { id: "python", label: "Python" },
];

/** `helpCenterOrigins`: where readers are sent first, then the subdomain when a custom domain is active (lib/sso/integration-examples.ts). */
export function IntegrationPanel({ helpCenterOrigins, issuer, audience, requireRedirectKey }: { helpCenterOrigins: string[]; issuer: string | null; audience: string | null; requireRedirectKey: boolean }) {
  const [helpCenterOrigin, subdomainOrigin] = helpCenterOrigins;
  const urls = [
    { label: "Sign-in endpoint (send the token here)", value: `${helpCenterOrigin}/sso/jwt` },
    // Both addresses serve readers; a token goes back to the one whose return_to it answers.
    ...(subdomainOrigin ? [{ label: "Sign-in endpoint on the subdomain (for sign-ins that start there)", value: `${subdomainOrigin}/sso/jwt` }] : []),
    { label: "Sign-out", value: `${helpCenterOrigin}/sso/logout` },
    { label: "Help-center home", value: `${helpCenterOrigin}/` },
  ];
  return (
    <section id="integration" aria-labelledby="integration-heading" className="scroll-mt-6 rounded-lg border border-slate-200 p-5 sm:p-6">
      <h2 id="integration-heading" className="text-lg font-semibold">Integration</h2>
      <dl className="mt-3 space-y-2 text-sm">
        {urls.map((url) => (
          <div key={url.label}>
            <dt className="text-slate-600">{url.label}</dt>
            <dd className="flex items-start justify-between gap-3">
              <span className="min-w-0 font-mono break-all">{url.value}</span>
              <CopyButton text={url.value} describedWhat={url.label.replace(/ \(.*\)$/, "")} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-600">
        Mint the token in your Login URL handler with the shared secret (in <code>GATEHOUSE_SSO_SECRET</code>), with <code>jti</code> set to
        the <code>key</code> we sent, and redirect the browser to the help-center address in the <code>return_to</code> we sent (the key only
        works on the address the sign-in started on)
        {/* Refused with "Only accept sign-ins that start at the help center": not offered then. */}
        {requireRedirectKey ? ":" : <>. Sending readers in from your own app instead (no Login URL needed), set <code>jti</code> to a fresh random value for every token:</>}
      </p>
      <div className="mt-3 space-y-3">
        {LANGUAGES.map((language) => {
          const example = integrationExample(language.id, { helpCenterOrigins, issuer, audience });
          return (
            <details key={language.id} className="rounded-md border border-slate-200" open={language.id === "node"}>
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{language.label}</summary>
              <div className="flex justify-end border-t border-slate-200 px-3 py-2">
                <CopyButton text={example} describedWhat={`The ${language.label} example`} />
              </div>
              {/* Focusable: a wide example scrolls sideways, and keyboard users must be able to scroll it too. */}
              <pre tabIndex={0} className="overflow-x-auto bg-slate-900 p-4 text-xs text-slate-100">
                <code>{example}</code>
              </pre>
            </details>
          );
        })}
      </div>
    </section>
  );
}
