import type { Metadata } from "next";
import { requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { findLogRetentionDays } from "@/lib/data/tenants";
import { env } from "@/lib/env";
import { GeneralForm } from "./general-form";

export const metadata: Metadata = { title: "General settings" };

type Props = { params: Promise<{ tenant: string }> };

export default async function GeneralSettingsPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, SETTINGS_ROLES);
  const app = new URL(env.APP_URL);
  const logRetentionDays = await findLogRetentionDays(member.tenant.id);
  return (
    <div>
      <h1 className="text-2xl font-bold">General</h1>
      <GeneralForm subdomain={subdomain} name={member.tenant.name} address={`${app.protocol}//${member.tenant.subdomain}.${app.host}`} logRetentionDays={logRetentionDays} />
    </div>
  );
}
