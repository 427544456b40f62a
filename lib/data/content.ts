import "server-only";
import { getDb } from "@/lib/db";

// Help-center content (categories and their articles). Every query is scoped by tenantId.
// Group-restricted articles are hidden here until end-user sessions exist to unlock them.

const visibleArticle = { published: true, requiredGroups: { isEmpty: true } } as const;

export async function listCategoriesWithArticles(tenantId: string) {
  return getDb().category.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      articles: { where: visibleArticle, orderBy: { title: "asc" }, select: { id: true, slug: true, title: true } },
    },
  });
}

export async function findCategory(tenantId: string, slug: string) {
  return getDb().category.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: {
      slug: true,
      title: true,
      description: true,
      articles: { where: visibleArticle, orderBy: { title: "asc" }, select: { slug: true, title: true } },
    },
  });
}

export async function findArticle(tenantId: string, slug: string) {
  return getDb().article.findFirst({
    where: { tenantId, slug, ...visibleArticle },
    select: { slug: true, title: true, body: true, updatedAt: true, category: { select: { slug: true, title: true } } },
  });
}
