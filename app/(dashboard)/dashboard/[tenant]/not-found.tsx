import type { Metadata } from "next";
import { OverviewLink } from "./_components/overview-link";

export const metadata: Metadata = { title: "Not found" };

// A page's notFound() lands here, inside the tenant's layout, so the menu stays: a stale link (a
// deleted person, an event past retention) leaves the admin one click from where they were rather
// than on the bare site-wide 404. The layout's own notFound() (not a member, no such help center)
// is not caught here but by the root page, which says nothing about the tenant.
export default function DashboardNotFound() {
  return (
    <div>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-3 max-w-xl text-slate-600">
        There is nothing at this address in this help center. What the link led to may have been deleted, or be older than its logs are kept.
      </p>
      <OverviewLink className="mt-6 inline-block text-brand-700 underline">Back to the Overview</OverviewLink>
    </div>
  );
}
