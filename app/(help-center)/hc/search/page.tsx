import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { markdownExcerpt } from "@/lib/api/excerpt";
import { prefixTsQuery } from "@/lib/api/search-query";
import { searchVisibleArticles } from "@/lib/data/content";
import { requireReader, viewerGroups } from "@/lib/help-center/viewer";
import { SearchForm } from "../_components/search-form";

// Search for readers: the same full-text search (and the same group visibility) as the widget and
// the read API, best matches first.

const MAX_RESULTS = 20;

type Props = { searchParams: Promise<{ q?: string | string[] }> };

async function searchText(searchParams: Props["searchParams"]): Promise<string> {
  const { q } = await searchParams;
  return (typeof q === "string" ? q : "").trim().slice(0, 200);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { tenant } = await requireReader();
  const text = await searchText(searchParams);
  return { title: { absolute: text ? `“${text}” · Search · ${tenant.name}` : `Search · ${tenant.name}` } };
}

export default async function SearchPage({ searchParams }: Props) {
  const viewer = await requireReader();
  const text = await searchText(searchParams);
  // Nothing searchable (blank, or only punctuation): ask for words rather than list everything.
  const searchable = prefixTsQuery(text) !== null;
  const results = searchable ? await searchVisibleArticles(viewer.tenant.id, viewerGroups(viewer), text, MAX_RESULTS) : [];
  return (
    <>
      <Breadcrumbs trail={[{ href: "/", label: "Home" }]} />
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Search</h1>
      <div className="mt-4">
        <SearchForm defaultValue={text} autoFocus={!searchable} />
      </div>
      {!searchable ? (
        <p className="mt-6 text-slate-600">Type a few words from what you are looking for.</p>
      ) : results.length === 0 ? (
        <p className="mt-6 text-slate-600" role="status">
          No articles match “{text}”. Try fewer or other words, or <Link href="/" className="text-brand-700 underline">browse the categories</Link>.
        </p>
      ) : (
        <>
          <p className="mt-6 text-sm text-slate-600" role="status">
            {results.length === MAX_RESULTS ? `The ${MAX_RESULTS} best matches` : `${results.length} ${results.length === 1 ? "article" : "articles"}`} for “{text}”
          </p>
          <ul aria-label="Search results" className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {results.map((article) => (
              <li key={article.id} className="p-4">
                <Link href={`/articles/${article.slug}`} className="font-medium text-brand-700 hover:underline">
                  {article.title}
                </Link>
                <p className="mt-0.5 text-xs text-slate-500">{article.categoryTitle}</p>
                <p className="mt-1 text-sm text-slate-700">{markdownExcerpt(article.bodyStart)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
