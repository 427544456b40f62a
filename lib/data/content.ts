import "server-only";
import { prefixTsQuery } from "@/lib/api/search-query";
import { getDb, queryPrepared } from "@/lib/db";
import { isUuid } from "@/lib/uuid";

// Help-center content (categories and their articles). Every query is scoped by tenantId, and an
// article with required groups is only returned to a viewer in at least one of them.

function visibleTo(groups: string[]) {
  return {
    published: true,
    OR: [{ requiredGroups: { isEmpty: true } }, ...(groups.length > 0 ? [{ requiredGroups: { hasSome: groups } }] : [])],
  };
}

/**
 * The help-center home: only categories with at least one article this reader may see, each with
 * those articles. A new category, one of drafts only or one whose articles are all for other
 * groups would be a heading over nothing and a link to an empty page, so it is left out.
 */
export async function listCategoriesWithArticles(tenantId: string, groups: string[]) {
  return getDb().category.findMany({
    where: { tenantId, articles: { some: visibleTo(groups) } },
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

// ---- for the widget API and the read API (token holders): the same visibility rule, in SQL ----
// These run on the pg pool directly: they sit on the widget's hot path, where Prisma's raw-query
// pipeline costs several times the driver's CPU per statement (see lib/data/sign-in-store.ts).

/** The SQL twin of visibleTo(): published, and unrestricted or sharing a group with the reader. */
const VISIBLE_SQL = `a.published AND (cardinality(a.required_groups) = 0 OR a.required_groups && $2::text[])`;

export interface ArticleSummaryRow {
  id: string;
  slug: string;
  title: string;
  /** the first 600 characters of the Markdown body, for an excerpt */
  bodyStart: string;
  categoryId: string;
  categoryTitle: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArticleRow extends Omit<ArticleSummaryRow, "bodyStart"> {
  body: string;
}

const SUMMARY_COLUMNS = `a.id, a.slug, a.title, left(a.body, 600) AS "bodyStart", c.id AS "categoryId", c.title AS "categoryTitle",
       a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/**
 * Articles matching what the reader typed (every word as a prefix, lib/api/search-query.ts), best
 * first — title matches outrank body matches (the search_vector weights) — or, without words, the
 * most recently updated. Uses the articles_search_vector_idx GIN index.
 */
export async function searchVisibleArticles(tenantId: string, groups: string[], text: string, limit: number): Promise<ArticleSummaryRow[]> {
  const tsQuery = prefixTsQuery(text);
  const { rows } = await queryPrepared<ArticleSummaryRow>(
    tsQuery === null ? "content/latest-visible-articles" : "content/search-visible-articles",
    tsQuery === null
      ? `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
          WHERE a.tenant_id = $1::uuid AND ${VISIBLE_SQL}
          ORDER BY a.updated_at DESC, a.id LIMIT $3`
      : `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
          WHERE a.tenant_id = $1::uuid AND ${VISIBLE_SQL} AND a.search_vector @@ to_tsquery('simple', $4)
          ORDER BY ts_rank(a.search_vector, to_tsquery('simple', $4)) DESC, a.title, a.id LIMIT $3`,
    tsQuery === null ? [tenantId, groups, limit] : [tenantId, groups, limit, tsQuery],
  );
  return rows;
}

/** One article by id, if this reader may see it; null otherwise (and for ids that are not UUIDs). */
export async function findVisibleArticleById(tenantId: string, groups: string[], id: string): Promise<ArticleRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await queryPrepared<ArticleRow>(
    "content/visible-article-by-id",
    `SELECT a.id, a.slug, a.title, a.body, c.id AS "categoryId", c.title AS "categoryTitle", a.created_at AS "createdAt", a.updated_at AS "updatedAt"
       FROM articles a JOIN categories c ON c.id = a.category_id
      WHERE a.tenant_id = $1::uuid AND ${VISIBLE_SQL} AND a.id = $3::uuid`,
    [tenantId, groups, id],
  );
  return rows[0] ?? null;
}

export interface PageAfter {
  createdAt: Date;
  id: string;
}

/** A page of visible articles, oldest first, keyset-paginated on (created_at, id). */
export async function listVisibleArticles(
  tenantId: string,
  groups: string[],
  options: { categoryId: string | null; after: PageAfter | null; limit: number },
): Promise<ArticleSummaryRow[]> {
  if (options.categoryId !== null && !isUuid(options.categoryId)) return [];
  const { rows } = await queryPrepared<ArticleSummaryRow>(
    "content/visible-articles-page",
    `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
      WHERE a.tenant_id = $1::uuid AND ${VISIBLE_SQL}
        AND ($3::uuid IS NULL OR a.category_id = $3::uuid)
        AND ($4::timestamptz IS NULL OR (a.created_at, a.id) > ($4::timestamptz, $5::uuid))
      ORDER BY a.created_at, a.id LIMIT $6`,
    [tenantId, groups, options.categoryId, options.after?.createdAt ?? null, options.after?.id ?? null, options.limit],
  );
  return rows;
}

export interface CategoryRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  position: number;
  /** articles in it this reader may see */
  articleCount: number;
  createdAt: Date;
}

/**
 * A page of categories in help-center order (position, then id), with the number of articles the
 * reader may see. Only categories holding at least one such article, as on the help-center home:
 * an empty category, or one whose articles are all for other groups, is not listed, so its title
 * tells this reader nothing. Keyset on (position, id); `after` is the last row's pair.
 */
export async function listCategoriesForReader(
  tenantId: string,
  groups: string[],
  options: { after: { position: number; id: string } | null; limit: number },
): Promise<CategoryRow[]> {
  const { rows } = await queryPrepared<CategoryRow>(
    "content/categories-page",
    `SELECT * FROM (
       SELECT c.id, c.slug, c.title, c.description, c.position, c.created_at AS "createdAt",
              (SELECT count(*)::int FROM articles a WHERE a.tenant_id = c.tenant_id AND a.category_id = c.id AND ${VISIBLE_SQL}) AS "articleCount"
         FROM categories c
        WHERE c.tenant_id = $1::uuid
          AND ($3::int IS NULL OR (c.position, c.id) > ($3::int, $4::uuid))
     ) visible
      WHERE "articleCount" > 0
      ORDER BY position, id LIMIT $5`,
    [tenantId, groups, options.after?.position ?? null, options.after?.id ?? null, options.limit],
  );
  return rows;
}
