import "server-only";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/uuid";
import { changeWithAudit, type Audited } from "./audit";
import { isUniqueViolation } from "./unique-violation";

// The dashboard's side of help-center content: every category and article of a tenant (drafts and
// restricted ones included), one item for its edit form, and the writes. Every statement carries
// the tenant id, so an id from another tenant is "not found", never read or changed. The help
// center's reads (visibility by group) live in ./content.ts. Each write takes the audit entry to
// write in its transaction; a refused write (slug taken, …) is caught after the transaction has
// rolled back, since PostgreSQL accepts no further statement in a transaction after an error.

/** Prisma's error code (P2003: a missing foreign row, P2025: no row to change). */
function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as { code?: string }).code : undefined;
}

export interface CategoryInput {
  title: string;
  slug: string;
  description: string;
  position: number;
}

export interface ArticleInput {
  categoryId: string;
  title: string;
  slug: string;
  body: string;
  published: boolean;
  requiredGroups: string[];
}

/** `changed_elsewhere`: someone saved the item after this editor opened it; their work would be overwritten. */
export type UpdateResult = { ok: true; changed: string[] } | { ok: false; reason: "not_found" | "slug_taken" | "category_not_found" | "changed_elsewhere" };
export type CreateResult = { ok: true; id: string } | { ok: false; reason: "slug_taken" | "category_not_found" };
export type DeleteResult = { ok: true; title: string; slug: string } | { ok: false; reason: "not_found" } | { ok: false; reason: "has_articles"; articleCount: number };


/** The fields whose value differs, for the audit trail (names only: bodies can be long). */
function changedFields<T extends object>(current: T, next: T): string[] {
  return (Object.keys(next) as (keyof T)[]).filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key])).map(String);
}

export async function listContentForEditing(tenantId: string) {
  return getDb().category.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      position: true,
      updatedAt: true,
      articles: {
        orderBy: { title: "asc" },
        select: { id: true, title: true, slug: true, published: true, requiredGroups: true, updatedAt: true },
      },
    },
  });
}

/** For the article form's category select. */
export async function listCategoryChoices(tenantId: string) {
  return getDb().category.findMany({ where: { tenantId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true } });
}

/** Where a new category goes by default: after the last one. */
export async function nextCategoryPosition(tenantId: string): Promise<number> {
  const last = await getDb().category.aggregate({ where: { tenantId }, _max: { position: true } });
  return last._max.position === null ? 0 : last._max.position + 1;
}

export async function findCategoryForEditing(tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  return getDb().category.findFirst({
    where: { id, tenantId },
    select: { id: true, title: true, slug: true, description: true, position: true, updatedAt: true, _count: { select: { articles: true } } },
  });
}

export async function findArticleForEditing(tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  return getDb().article.findFirst({
    where: { id, tenantId },
    select: { id: true, categoryId: true, title: true, slug: true, body: true, published: true, requiredGroups: true, updatedAt: true },
  });
}

export async function createCategory(tenantId: string, input: CategoryInput, audit?: Audited<CreateResult>): Promise<CreateResult> {
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      const { id } = await tx.category.create({ data: { tenantId, ...input }, select: { id: true } });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug_taken" };
    throw error;
  }
}

/** `expectedUpdatedAt`: when the editor opened the form; a later save by someone else is refused. */
export async function updateCategory(
  tenantId: string,
  id: string,
  input: CategoryInput,
  expectedUpdatedAt?: Date,
  audit?: Audited<UpdateResult>,
): Promise<UpdateResult> {
  const current = await findCategoryForEditing(tenantId, id);
  if (!current) return { ok: false, reason: "not_found" };
  if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) return { ok: false, reason: "changed_elsewhere" };
  const { title, slug, description, position } = current;
  const changed = changedFields({ title, slug, description, position }, input);
  if (changed.length === 0) return { ok: true, changed };
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      // Guarded by the version read above, so a save in between is not silently overwritten.
      const { count } = await tx.category.updateMany({ where: { id, tenantId, updatedAt: current.updatedAt }, data: input });
      return count === 0 ? ({ ok: false, reason: "changed_elsewhere" } as const) : ({ ok: true, changed } as const);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug_taken" };
    throw error;
  }
}

/**
 * Refused while the category has articles: they would have nowhere to live. The foreign key is
 * ON DELETE RESTRICT as well, so an article added between the count and the delete still stops it.
 */
export async function deleteCategory(tenantId: string, id: string, audit?: Audited<DeleteResult>): Promise<DeleteResult> {
  const current = await findCategoryForEditing(tenantId, id);
  if (!current) return { ok: false, reason: "not_found" };
  if (current._count.articles > 0) return { ok: false, reason: "has_articles", articleCount: current._count.articles };
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      const { count } = await tx.category.deleteMany({ where: { id, tenantId } });
      return count === 0 ? ({ ok: false, reason: "not_found" } as const) : ({ ok: true, title: current.title, slug: current.slug } as const);
    });
  } catch (error) {
    if (prismaCode(error) !== "P2003") throw error;
    const articleCount = await getDb().article.count({ where: { tenantId, categoryId: id } });
    return { ok: false, reason: "has_articles", articleCount };
  }
}

async function categoryExists(tenantId: string, categoryId: string): Promise<boolean> {
  return isUuid(categoryId) && (await getDb().category.count({ where: { id: categoryId, tenantId } })) === 1;
}

export async function createArticle(tenantId: string, input: ArticleInput, audit?: Audited<CreateResult>): Promise<CreateResult> {
  if (!(await categoryExists(tenantId, input.categoryId))) return { ok: false, reason: "category_not_found" };
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      const { id } = await tx.article.create({ data: { tenantId, ...input }, select: { id: true } });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug_taken" };
    // The composite foreign key (tenant_id, category_id): the category went away meanwhile.
    if (prismaCode(error) === "P2003") return { ok: false, reason: "category_not_found" };
    throw error;
  }
}

export async function updateArticle(
  tenantId: string,
  id: string,
  input: ArticleInput,
  expectedUpdatedAt?: Date,
  audit?: Audited<UpdateResult>,
): Promise<UpdateResult> {
  const current = await findArticleForEditing(tenantId, id);
  if (!current) return { ok: false, reason: "not_found" };
  if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) return { ok: false, reason: "changed_elsewhere" };
  const { categoryId, title, slug, body, published, requiredGroups } = current;
  const changed = changedFields({ categoryId, title, slug, body, published, requiredGroups }, input);
  if (changed.length === 0) return { ok: true, changed };
  if (changed.includes("categoryId") && !(await categoryExists(tenantId, input.categoryId))) return { ok: false, reason: "category_not_found" };
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      const { count } = await tx.article.updateMany({ where: { id, tenantId, updatedAt: current.updatedAt }, data: input });
      return count === 0 ? ({ ok: false, reason: "changed_elsewhere" } as const) : ({ ok: true, changed } as const);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug_taken" };
    if (prismaCode(error) === "P2003") return { ok: false, reason: "category_not_found" };
    throw error;
  }
}

export async function deleteArticle(tenantId: string, id: string, audit?: Audited<DeleteResult>): Promise<DeleteResult> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  try {
    return await changeWithAudit(tenantId, audit, async (tx) => {
      // tenantId in the unique where: Prisma deletes only when both match, else raises P2025.
      const row = await tx.article.delete({ where: { id, tenantId }, select: { title: true, slug: true } });
      return { ok: true, title: row.title, slug: row.slug } as const;
    });
  } catch (error) {
    if (prismaCode(error) === "P2025") return { ok: false, reason: "not_found" };
    throw error;
  }
}
