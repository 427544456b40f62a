import type { Metadata } from "next";
import Link from "next/link";
import { listCategoriesWithArticles } from "@/lib/data/content";
import { requireReader, viewerGroups } from "@/lib/help-center/viewer";
import { NothingToRead } from "./_components/nothing-to-read";
import { SearchForm } from "./_components/search-form";

export async function generateMetadata(): Promise<Metadata> {
  const { tenant } = await requireReader();
  return { title: { absolute: tenant.name } };
}

// Only categories with an article this reader may see (lib/data/content.ts): an empty card would
// lead to an empty page.
export default async function HelpCenterHome() {
  const viewer = await requireReader();
  const categories = await listCategoriesWithArticles(viewer.tenant.id, viewerGroups(viewer));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">How can we help?</h1>
      {categories.length > 0 && (
        <div className="mt-4 max-w-xl">
          <SearchForm />
        </div>
      )}
      {categories.length === 0 ? (
        <NothingToRead viewer={viewer} />
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2" aria-label="Categories">
          {categories.map((category) => (
            <li key={category.id} className="rounded-lg border border-slate-200 p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/categories/${category.slug}`} className="hover:text-brand-700">
                  {category.title}
                </Link>
              </h2>
              {category.description && <p className="mt-1 text-sm text-slate-600">{category.description}</p>}
              <ul className="mt-3 space-y-1 text-sm">
                {category.articles.map((article) => (
                  <li key={article.id}>
                    <Link href={`/articles/${article.slug}`} className="text-brand-700 hover:underline">
                      {article.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
