import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { findArticleForEditing, listCategoryChoices } from "@/lib/data/content-editing";
import { env } from "@/lib/env";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { ArticleForm } from "../../_components/article-form";
import { DeleteDialog } from "../../_components/delete-dialog";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ tenant: string; articleId: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { tenant: subdomain, articleId } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  // Scoped by the member's tenant: another tenant's article id is a 404 like any unknown id.
  const [article, categories] = await Promise.all([findArticleForEditing(member.tenant.id, articleId), listCategoryChoices(member.tenant.id)]);
  if (!article) notFound();
  const publicUrl = `${helpCenterAddress(member.tenant, env.APP_URL).origin}/articles/${article.slug}`;
  return (
    <div>
      <Breadcrumbs trail={[{ href: `/dashboard/${subdomain}/content`, label: "Content" }]} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Edit article</h1>
        <div className="flex items-center gap-3">
          {article.published && (
            <a href={publicUrl} target="_blank" rel="noopener noreferrer" className="text-sm text-brand-700 hover:underline">
              Open in the help center<span className="sr-only"> (opens in a new tab)</span>
            </a>
          )}
          <DeleteDialog subdomain={subdomain} kind="article" id={article.id} title={article.title} />
        </div>
      </div>
      <ArticleForm subdomain={subdomain} categories={categories} article={{ ...article, updatedAt: article.updatedAt.toISOString() }} />
    </div>
  );
}
