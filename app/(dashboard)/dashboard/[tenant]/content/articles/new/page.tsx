import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { listCategoryChoices } from "@/lib/data/content-editing";
import { ArticleForm } from "../../_components/article-form";

export const metadata: Metadata = { title: "New article" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ category?: string | string[] }> };

export default async function NewArticlePage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  const [categories, { category }] = await Promise.all([listCategoryChoices(member.tenant.id), searchParams]);
  // ?category= only preselects one of this tenant's categories; anything else is ignored.
  const preselected = categories.find((choice) => choice.id === category)?.id;
  return (
    <div>
      <Breadcrumbs trail={[{ href: `/dashboard/${subdomain}/content`, label: "Content" }]} />
      <h1 className="mt-2 text-2xl font-bold">New article</h1>
      {categories.length === 0 ? (
        <p className="mt-6 text-slate-600">
          Articles live in categories. <Link href={`/dashboard/${subdomain}/content/categories/new`} className="text-brand-700 underline">Create a category</Link> first.
        </p>
      ) : (
        <ArticleForm subdomain={subdomain} categories={categories} defaultCategoryId={preselected} />
      )}
    </div>
  );
}
