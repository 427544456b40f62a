import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { findArticle } from "@/lib/data/content";
import { requireReader, viewerGroups } from "@/lib/help-center/viewer";
import { TrailAndSearch } from "../../_components/trail-and-search";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireReader();
  const { tenant } = viewer;
  const article = await findArticle(tenant.id, (await params).slug, viewerGroups(viewer));
  return { title: { absolute: article ? `${article.title} · ${tenant.name}` : `Page not found · ${tenant.name}` } };
}

export default async function ArticlePage({ params }: Props) {
  const viewer = await requireReader();
  const { tenant } = viewer;
  const article = await findArticle(tenant.id, (await params).slug, viewerGroups(viewer));
  if (!article) notFound();
  return (
    <>
      <TrailAndSearch
        trail={[
          { href: "/", label: "Home" },
          { href: `/categories/${article.category.slug}`, label: article.category.title },
        ]}
      />
      <article className="mt-2">
        <h1 className="text-3xl font-bold tracking-tight wrap-anywhere">{article.title}</h1>
        <div className="mt-6">
          <Markdown source={article.body} />
        </div>
      </article>
    </>
  );
}
