import Link from "next/link";
import { ALL_ROLES, CONTENT_ROLES, LOG_ROLES, MEMBER_MANAGER_ROLES, REQUEST_ROLES, requireMember, SETTINGS_ROLES } from "@/lib/auth/require-member";
import { listMemberships } from "@/lib/data/memberships";
import { SignOutButton } from "./_components/sign-out-button";
import { DashboardNav, type NavItem } from "./_components/dashboard-nav";

type Props = { children: React.ReactNode; params: Promise<{ tenant: string }> };

export default async function TenantDashboardLayout({ children, params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain);
  const memberships = await listMemberships(member.userId);
  const base = `/dashboard/${subdomain}`;
  // Each page checks the role itself; the menu only hides what would answer 403.
  const items: NavItem[] = [
    { href: base, label: "Overview", roles: ALL_ROLES },
    { href: `${base}/content`, label: "Content", roles: CONTENT_ROLES },
    { href: `${base}/requests`, label: "Requests", roles: REQUEST_ROLES },
    { href: `${base}/people`, label: "People", roles: LOG_ROLES },
    { href: `${base}/settings/general`, label: "General", group: "Settings", roles: SETTINGS_ROLES },
    { href: `${base}/settings/security/sso`, label: "Security → SSO", group: "Settings", roles: SETTINGS_ROLES },
    { href: `${base}/settings/members`, label: "Members", group: "Settings", roles: MEMBER_MANAGER_ROLES },
    { href: `${base}/settings/logs`, label: "Logs", group: "Settings", roles: LOG_ROLES },
    { href: `${base}/settings/audit`, label: "Audit", group: "Settings", roles: SETTINGS_ROLES },
  ]
    .filter((item) => item.roles.includes(member.role))
    .map(({ href, label, group }) => ({ href, label, group }));

  return (
    <div className="min-h-screen md:flex">
      {/* The menu is up to eleven stops long: keyboard users skip it to the page itself. */}
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-slate-50 md:w-64 md:shrink-0 md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 p-4">
          <Link href={base} className="truncate font-semibold">
            {member.tenant.name}
          </Link>
        </div>
        {memberships.length > 1 && (
          <details className="mx-4 mb-2 text-sm">
            <summary className="cursor-pointer text-slate-600">Switch help center</summary>
            <ul className="mt-2 space-y-1">
              {memberships.map(({ tenant }) => (
                <li key={tenant.id}>
                  <Link href={`/dashboard/${tenant.subdomain}`} aria-current={tenant.subdomain === subdomain ? "page" : undefined} className="text-brand-700 hover:underline">
                    {tenant.name}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        )}
        <DashboardNav items={items} />
        {/* Who is signed in, on every screen: one row under the menu on a phone (a long email cut
            short), the foot of the sidebar on a wider one. */}
        <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-600 md:block md:border-t-0 md:p-4">
          <div className="min-w-0">
            <p className="truncate" title={member.email}>{member.email}</p>
            <p className="text-xs">Role: {member.role}</p>
          </div>
          <div className="shrink-0 md:mt-2">
            <SignOutButton />
          </div>
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <main id="content" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 focus:outline-none sm:px-8 sm:py-10">{children}</main>
      </div>
    </div>
  );
}
