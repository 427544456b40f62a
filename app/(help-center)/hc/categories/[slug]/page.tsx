import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findCategory } from "@/lib/data/content";
import { requireReader, viewerGroups } from "@/lib/help-center/viewer";
import { NothingToRead } from "../../_components/nothing-to-read";
import { TrailAndSearch } from "../../_components/trail-and-search";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireReader();
  const { tenant } = viewer;
  const category = await findCategory(tenant.id, (await params).slug, viewerGroups(viewer));
  return { title: { absolute: category ? `${category.title} · ${tenant.name}` : `Page not found · ${tenant.name}` } };
}

// A category the reader can see no article in is still a page (its address may have been shared, or
// it is about to be filled): it says so instead of showing an empty list. The home page leaves it out.
export default async function CategoryPage({ params }: Props) {
  const viewer = await requireReader();
  const { tenant } = viewer;
  const category = await findCategory(tenant.id, (await params).slug, viewerGroups(viewer));
  if (!category) notFound();
  return (
    <>
      <TrailAndSearch trail={[{ href: "/", label: "Home" }]} search={category.articles.length > 0} />
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{category.title}</h1>
      {category.description && <p className="mt-2 text-slate-600">{category.description}</p>}
      {category.articles.length === 0 ? (
        <NothingToRead viewer={viewer} where="in this category" />
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {category.articles.map((article) => (
            <li key={article.slug} className="p-4">
              <Link href={`/articles/${article.slug}`} className="font-medium text-brand-700 hover:underline">
                {article.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
