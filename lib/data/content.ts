import "server-only";
import { getDb } from "@/lib/db";

// Help-center content (categories and their articles). Every query is scoped by tenantId, and an
// article with required groups is only returned to a viewer in at least one of them.

function visibleTo(groups: string[]) {
  return {
    published: true,
    OR: [{ requiredGroups: { isEmpty: true } }, ...(groups.length > 0 ? [{ requiredGroups: { hasSome: groups } }] : [])],
  };
}

export async function listCategoriesWithArticles(tenantId: string, groups: string[]) {
  return getDb().category.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      articles: { where: visibleTo(groups), orderBy: { title: "asc" }, select: { id: true, slug: true, title: true } },
    },
  });
}

export async function findCategory(tenantId: string, slug: string, groups: string[]) {
  return getDb().category.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: {
      slug: true,
      title: true,
      description: true,
      articles: { where: visibleTo(groups), orderBy: { title: "asc" }, select: { slug: true, title: true } },
    },
  });
}

export async function findArticle(tenantId: string, slug: string, groups: string[]) {
  return getDb().article.findFirst({
    where: { tenantId, slug, ...visibleTo(groups) },
    select: { slug: true, title: true, body: true, updatedAt: true, category: { select: { slug: true, title: true } } },
  });
}

/** Every category and article of a tenant, drafts and restricted ones included (dashboard only). */
export async function listContentForDashboard(tenantId: string) {
  return getDb().category.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      articles: { orderBy: { title: "asc" }, select: { id: true, title: true, published: true, requiredGroups: true } },
    },
  });
}
