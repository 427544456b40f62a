import type { Metadata } from "next";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { findSsoSettings } from "@/lib/data/sso-config";
import { listProviderInterests } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { IntegrationPanel } from "./_components/integration-panel";
import { JwtSettingsForm } from "./_components/jwt-settings-form";
import { ProviderGrid } from "./_components/provider-grid";
import { SsoToggle } from "./_components/sso-toggle";
import { VisibilityForm } from "./_components/visibility-form";

export const metadata: Metadata = { title: "Security → SSO" };

type Props = { params: Promise<{ tenant: string }> };

export default async function SsoSettingsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  // Owners and admins only; support and editors get 403.
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const [settings, interests] = await Promise.all([findSsoSettings(member.tenant.id), listProviderInterests(member.tenant.id, member.userId)]);
  const app = new URL(env.APP_URL);
  const helpCenterOrigin = `${app.protocol}//${member.tenant.subdomain}.${app.host}`;

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500">Settings → Security</p>
          <h1 className="text-2xl font-bold">Single sign-on</h1>
          <p className="mt-1 max-w-xl text-sm text-slate-600">
            Let your product sign people in to {member.tenant.name}: your backend signs a short-lived token, and we trust it.
          </p>
        </div>
        <SsoToggle subdomain={subdomain} enabled={settings?.enabled ?? false} />
      </header>

      <ProviderGrid subdomain={subdomain} requested={interests} />

      <section id="jwt-settings" aria-labelledby="jwt-heading" className="scroll-mt-6 rounded-lg border border-slate-200 p-5 sm:p-6">
        <h2 id="jwt-heading" className="text-lg font-semibold">JWT (HS256)</h2>
        <p className="mt-1 text-sm text-slate-600">Step 1: tell us where your login page is. Step 2: sign tokens with the shared secret.</p>
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
            requireRedirectKey: settings?.requireRedirectKey ?? false,
          }}
        />
      </section>

      <VisibilityForm subdomain={subdomain} visibility={member.tenant.visibility} />

      <IntegrationPanel helpCenterOrigin={helpCenterOrigin} issuer={settings?.issuer ?? null} audience={settings?.audience ?? null} />
    </div>
  );
}
