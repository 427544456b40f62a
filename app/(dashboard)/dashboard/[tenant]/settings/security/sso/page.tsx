import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { countLiveEndUserSessions } from "@/lib/data/end-user-sessions";
import { findSsoSettings } from "@/lib/data/sso-config";
import { exampleOrigins } from "@/lib/sso/integration-examples";
import { SESSION_LENGTH_MINUTES, sessionLengthMinutesOf } from "@/lib/sso/session-length";
import { wildcardOverPublicSuffix } from "@/lib/sso/public-suffix";
import { ssoSetupState } from "@/lib/sso/sign-in-gate";
import { listProviderInterests } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { AllowedDomainsForm } from "./_components/allowed-domains-form";
import { IntegrationPanel } from "./_components/integration-panel";
import { JwtSettingsForm } from "./_components/jwt-settings-form";
import { JWT_SECTION } from "./jwt-section";
import { ProviderGrid } from "./_components/provider-grid";
import { SetupProgress } from "./_components/setup-progress";
import { SignOutEveryone } from "./_components/sign-out-everyone";
import { SsoToggle } from "./_components/sso-toggle";
import { TestTokenMinter } from "./_components/test-token-minter";
import { TokenTester } from "./_components/token-tester";
import { VisibilityForm } from "./_components/visibility-form";

export const metadata: Metadata = { title: "Security → SSO" };

type Props = { params: Promise<{ tenant: string }> };

// The page is long: a small table of contents links to each section.
const SECTIONS = [
  { id: "providers", label: "Providers" },
  { id: "jwt-settings", label: JWT_SECTION },
  { id: "allowed-domains", label: "Allowed domains" },
  { id: "sessions", label: "Sessions" },
  { id: "test-token", label: "Test a token" },
  { id: "mint-token", label: "Mint a test token" },
  { id: "visibility", label: "Visibility" },
  { id: "integration", label: "Integration" },
] as const;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6 rounded-lg border border-slate-200 p-5 sm:p-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{title}</h2>
      {intro && <div className="mt-1 max-w-2xl space-y-1 text-sm text-slate-600">{intro}</div>}
      {children}
    </section>
  );
}

export default async function SsoSettingsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  // Owners and admins only; support and editors get 403.
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const [settings, interests, liveSessions] = await Promise.all([
    findSsoSettings(member.tenant.id),
    listProviderInterests(member.tenant.id, member.userId),
    countLiveEndUserSessions(member.tenant.id),
  ]);
  const { host: helpCenterHost, origin: helpCenterOrigin } = helpCenterAddress(member.tenant, env.APP_URL);

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-500">Settings → Security</p>
          <h1 className="text-2xl font-bold">Single sign-on</h1>
          <p className="mt-1 max-w-xl text-sm text-slate-600">
            Let your product sign people in to {member.tenant.name}: your backend signs a short-lived token, and we trust it.
          </p>
        </div>
        {/* Remounted when the Login URL changes: "set a Login URL" must not outlive its cause. */}
        <SsoToggle key={settings?.loginUrl ?? ""} subdomain={subdomain} enabled={settings?.enabled ?? false} />
      </header>

      {!settings?.enabled && <SetupProgress hasLoginUrl={Boolean(settings?.loginUrl)} hasSecret={settings?.hasSecret ?? false} />}

      <nav aria-label="On this page" className="rounded-lg bg-slate-50 px-4 py-3 text-sm">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {SECTIONS.map((section) => (
            <li key={section.id}><a href={`#${section.id}`} className="text-brand-700 hover:underline">{section.label}</a></li>
          ))}
        </ul>
      </nav>

      <ProviderGrid subdomain={subdomain} requested={interests} />

      <Section id="jwt-settings" title={JWT_SECTION} intro={<p>Step 1: tell us where your login page is (not needed if you use tokens only for the widget and the API). Step 2: sign tokens with the shared secret.</p>}>
        <JwtSettingsForm
          subdomain={subdomain}
          hasSecret={settings?.hasSecret ?? false}
          initial={{
            loginUrl: settings?.loginUrl ?? "",
            logoutUrl: settings?.logoutUrl ?? "",
            issuer: settings?.issuer ?? "",
            audience: settings?.audience ?? "",
            tokenTtlSeconds: settings?.tokenTtlSeconds ?? 300,
            clockSkewSeconds: settings?.clockSkewSeconds ?? 60,
            sessionLengthMinutes: settings ? sessionLengthMinutesOf(settings.sessionLifetimeSeconds) : SESSION_LENGTH_MINUTES.default,
            requireRedirectKey: settings?.requireRedirectKey ?? false,
          }}
        />
      </Section>

      <Section
        id="allowed-domains"
        title="Allowed domains"
        intro={<p>The sites of your product. Pages on these domains may embed the help-center widget and call the widget API from the browser (CORS); other sites&apos; pages cannot.</p>}
      >
        <AllowedDomainsForm
          subdomain={subdomain}
          helpCenterHost={helpCenterHost}
          allowedDomains={settings?.allowedDomains ?? []}
          ineffectiveDomains={(settings?.allowedDomains ?? []).filter(wildcardOverPublicSuffix)}
          restrictSignInOrigins={settings?.restrictSignInOrigins ?? false}
        />
      </Section>

      <Section
        id="sessions"
        title="Sessions"
        intro={
          <p>
            Readers stay signed in for the Session length above. Regenerating the secret stops new sign-ins with the old one, but not the sessions it
            already started: if a secret leaked, regenerate it and then sign everyone out.
          </p>
        }
      >
        <SignOutEveryone subdomain={subdomain} liveSessions={liveSessions} />
      </Section>

      <Section
        id="test-token"
        title="Test a token"
        intro={<p>Paste a token your backend made and see every check we run, in order, against your current settings: which passed, which failed and how to fix it.</p>}
      >
        <TokenTester subdomain={subdomain} />
      </Section>

      <Section
        id="mint-token"
        title="Mint a test token"
        intro={<p>Make a token signed with your shared secret, valid for your Token TTL ({settings?.tokenTtlSeconds ?? 300} s), to try sign-in or the widget API before your backend is ready.</p>}
      >
        <TestTokenMinter
          subdomain={subdomain}
          helpCenterOrigin={helpCenterOrigin}
          hasSecret={settings?.hasSecret ?? false}
          ssoEnabled={settings?.enabled ?? false}
          requireRedirectKey={settings?.requireRedirectKey ?? false}
        />
      </Section>

      {/* Remounted when SSO's setup changes, so a refusal that named what was missing goes once it is fixed. */}
      <VisibilityForm key={ssoSetupState(settings)} subdomain={subdomain} visibility={member.tenant.visibility} />

      <IntegrationPanel helpCenterOrigins={exampleOrigins(helpCenterOrigin, helpCenterAddress({ subdomain: member.tenant.subdomain, customDomain: null }, env.APP_URL).origin)} issuer={settings?.issuer ?? null} audience={settings?.audience ?? null} requireRedirectKey={settings?.requireRedirectKey ?? false} />
    </div>
  );
}
