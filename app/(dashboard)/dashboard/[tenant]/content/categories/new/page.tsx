import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { nextCategoryPosition } from "@/lib/data/content-editing";
import { CategoryForm } from "../../_components/category-form";

export const metadata: Metadata = { title: "New category" };

type Props = { params: Promise<{ tenant: string }> };

export default async function NewCategoryPage({ params }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  const position = await nextCategoryPosition(member.tenant.id);
  return (
    <div>
      <Breadcrumbs trail={[{ href: `/dashboard/${subdomain}/content`, label: "Content" }]} />
      <h1 className="mt-2 text-2xl font-bold">New category</h1>
      <CategoryForm subdomain={subdomain} defaultPosition={position} />
    </div>
  );
}
