import type { Metadata } from "next";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { findCustomDomainState, findLogRetentionDays } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { challengeRecordName, challengeRecordValue } from "@/lib/tenant/domain-verification";
import { rootHostnameFrom } from "@/lib/tenant/host";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { CustomDomainForm } from "./custom-domain-form";
import { CustomDomainRedirectForm } from "./custom-domain-redirect-form";
import { GeneralForm } from "./general-form";

export const metadata: Metadata = { title: "General settings" };

type Props = { params: Promise<{ tenant: string }> };

export default async function GeneralSettingsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const app = new URL(env.APP_URL);
  const [logRetentionDays, domain] = await Promise.all([findLogRetentionDays(member.tenant.id), findCustomDomainState(member.tenant.id)]);
  const pending = domain.pending && { domain: domain.pending.domain, recordName: challengeRecordName(domain.pending.domain), recordValue: challengeRecordValue(domain.pending.challenge) };
  const rootHostname = rootHostnameFrom(env.APP_URL);
  return (
    <div>
      <h1 className="text-2xl font-bold">General</h1>
      <GeneralForm subdomain={subdomain} name={member.tenant.name} address={`${app.protocol}//${member.tenant.subdomain}.${app.host}`} logRetentionDays={logRetentionDays} />
      <section aria-labelledby="custom-domain-heading" className="mt-10 max-w-lg border-t border-slate-200 pt-6">
        <h2 id="custom-domain-heading" className="text-lg font-semibold">Custom domain</h2>
        <p className="mt-1 text-sm text-slate-600">
          Serve the help center at an address of yours as well as its Gatehouse address, once a DNS record proves the domain is yours. Dashboard links, the integration examples and test tokens use it once it is verified.
          Readers&apos; sessions belong to the address they signed in at.
        </p>
        <CustomDomainForm subdomain={subdomain} activeDomain={domain.active} redirect={domain.redirect} pending={pending} cnameTarget={`${member.tenant.subdomain}.${rootHostname}`} rootHostname={rootHostname} />
        {domain.active && (
          <div className="mt-6">
            <CustomDomainRedirectForm
              // A new domain starts a new form: its checkbox shows that domain's setting.
              key={domain.active}
              subdomain={subdomain}
              domain={domain.active}
              domainOrigin={helpCenterAddress({ subdomain: member.tenant.subdomain, customDomain: domain.active }, env.APP_URL).origin}
              gatehouseHost={`${member.tenant.subdomain}.${app.host}`}
              redirect={domain.redirect}
            />
          </div>
        )}
      </section>
    </div>
  );
}
