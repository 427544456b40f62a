import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { findCategoryForEditing } from "@/lib/data/content-editing";
import { CategoryForm } from "../../_components/category-form";
import { DeleteDialog } from "../../_components/delete-dialog";

export const metadata: Metadata = { title: "Edit category" };

type Props = { params: Promise<{ tenant: string; categoryId: string }> };

export default async function EditCategoryPage({ params }: Props) {
  const { tenant: subdomain, categoryId } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  // Scoped by the member's tenant: another tenant's category id is a 404 like any unknown id.
  const category = await findCategoryForEditing(member.tenant.id, categoryId);
  if (!category) notFound();
  const { _count, updatedAt, ...fields } = category;
  return (
    <div>
      <Breadcrumbs trail={[{ href: `/dashboard/${subdomain}/content`, label: "Content" }]} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Edit category</h1>
        <DeleteDialog subdomain={subdomain} kind="category" id={category.id} title={category.title} articleCount={_count.articles} />
      </div>
      <CategoryForm subdomain={subdomain} category={{ ...fields, updatedAt: updatedAt.toISOString() }} />
    </div>
  );
}
