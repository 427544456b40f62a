import type { Metadata } from "next";
import Link from "next/link";
import { CONTENT_ROLES, requireMember } from "@/lib/auth/require-member";
import { listContentForEditing } from "@/lib/data/content-editing";
import { ArticleTable } from "./_components/article-table";
import { DeleteDialog } from "./_components/delete-dialog";

export const metadata: Metadata = { title: "Content" };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ notice?: string | string[] }> };

// What a create or delete (which come back here) says. A fixed table: nothing from the URL is
// ever shown as text.
const NOTICES: Record<string, string> = {
  "category-created": "Category created.",
  "category-deleted": "Category deleted.",
  "article-created": "Article created.",
  "article-deleted": "Article deleted.",
};

const button = "rounded-md px-3 py-1.5 text-sm font-medium";

// Every category with all its articles, drafts and restricted ones included: editors manage the
// help center's content from here.
export default async function ContentPage({ params, searchParams }: Props) {
  const { tenant: subdomain } = await params;
  const member = await requireMember(subdomain, CONTENT_ROLES);
  const [categories, { notice }] = await Promise.all([listContentForEditing(member.tenant.id), searchParams]);
  const base = `/dashboard/${subdomain}/content`;
  const articleCount = categories.reduce((sum, category) => sum + category.articles.length, 0);
  const message = typeof notice === "string" ? NOTICES[notice] : undefined;
  return (
    <div>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Content</h1>
          <p className="mt-1 text-sm text-slate-600">
            {categories.length === 1 ? "1 category" : `${categories.length} categories`}, {articleCount === 1 ? "1 article" : `${articleCount} articles`}.
          </p>
        </div>
        <div className="flex gap-2">
          <Link href={`${base}/categories/new`} className={`${button} border border-slate-300 hover:bg-slate-50`}>New category</Link>
          {categories.length > 0 && (
            <Link href={`${base}/articles/new`} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>New article</Link>
          )}
        </div>
      </header>
      {message && <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{message}</p>}
      {categories.length === 0 && (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          No content yet. Articles live in categories: <Link href={`${base}/categories/new`} className="text-brand-700 underline">create a category</Link> first.
        </p>
      )}
      <div className="mt-6 space-y-8">
        {categories.map((category) => (
          <section key={category.id} aria-labelledby={`category-${category.id}`}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <h2 id={`category-${category.id}`} className="text-lg font-semibold">{category.title}</h2>
                <p className="text-xs text-slate-500">/categories/{category.slug} · position {category.position}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Link href={`${base}/articles/new?category=${category.id}`} className={`${button} border border-slate-300 hover:bg-slate-50`} aria-label={`Add an article to “${category.title}”`}>
                  Add article
                </Link>
                <Link href={`${base}/categories/${category.id}`} className={`${button} border border-slate-300 hover:bg-slate-50`} aria-label={`Edit category “${category.title}”`}>
                  Edit
                </Link>
                <DeleteDialog subdomain={subdomain} kind="category" id={category.id} title={category.title} articleCount={category.articles.length} />
              </div>
            </div>
            <ArticleTable subdomain={subdomain} articles={category.articles} />
          </section>
        ))}
      </div>
    </div>
  );
}
