import type { Metadata } from "next";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { findLogRetentionDays } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { rootHostnameFrom } from "@/lib/tenant/host";
import { CustomDomainForm } from "./custom-domain-form";
import { GeneralForm } from "./general-form";

export const metadata: Metadata = { title: "General settings" };

type Props = { params: Promise<{ tenant: string }> };

export default async function GeneralSettingsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const app = new URL(env.APP_URL);
  const logRetentionDays = await findLogRetentionDays(member.tenant.id);
  const rootHostname = rootHostnameFrom(env.APP_URL);
  return (
    <div>
      <h1 className="text-2xl font-bold">General</h1>
      <GeneralForm subdomain={subdomain} name={member.tenant.name} address={`${app.protocol}//${member.tenant.subdomain}.${app.host}`} logRetentionDays={logRetentionDays} />
      <section aria-labelledby="custom-domain-heading" className="mt-10 max-w-lg border-t border-slate-200 pt-6">
        <h2 id="custom-domain-heading" className="text-lg font-semibold">Custom domain</h2>
        <p className="mt-1 text-sm text-slate-600">
          Serve the help center at an address of yours as well as its Gatehouse address. Dashboard links, the integration examples and test tokens use it once it is set.
          Readers&apos; sessions belong to the address they signed in at.
        </p>
        <CustomDomainForm subdomain={subdomain} customDomain={member.tenant.customDomain} cnameTarget={`${member.tenant.subdomain}.${rootHostname}`} rootHostname={rootHostname} />
      </section>
    </div>
  );
}
