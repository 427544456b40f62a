"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction, type ActionState } from "@/lib/auth/member-action";
import { CONTENT_ROLES, type SignedInMember } from "@/lib/auth/require-member";
import {
  createArticle,
  createCategory,
  deleteArticle,
  deleteCategory,
  updateArticle,
  updateCategory,
  type ArticleInput,
  type CategoryInput,
  type UpdateResult,
} from "@/lib/data/content-editing";
import { formatGroupList } from "@/lib/content/groups";
import { articleSchema, categorySchema, deleteSchema, updateArticleSchema, updateCategorySchema, type ArticleField, type CategoryField } from "./schemas";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

// Categories and articles: owners, admins and editors. memberAction re-checks the session, the
// membership in this tenant and the role on every call; the data layer scopes every statement by
// the member's tenant id, so an id from another tenant is "not found" and never touched.

export type CategoryState = ActionState<CategoryField>;
export type ArticleState = ActionState<ArticleField>;

const SLUG_TAKEN = "Another item in this help center already uses this slug. Choose a different one.";
const CHANGED_ELSEWHERE = "Someone saved this after you opened it. Copy your changes, reload the page and apply them again, so their work is not lost.";
const NO_CATEGORY = "That category no longer exists. Choose another one.";

const listPath = (member: SignedInMember) => `/dashboard/${member.tenant.subdomain}/content`;

function revalidateContent(member: SignedInMember): void {
  revalidatePath(listPath(member), "layout");
  // The help center's pages render per request today; this keeps them right if one is ever cached.
  revalidatePath("/hc", "layout");
}

const categoryValues = (input: CategoryInput) => ({ ...input, position: String(input.position) });
const articleValues = (input: ArticleInput) => ({
  ...input,
  published: input.published ? "on" : "",
  requiredGroups: formatGroupList(input.requiredGroups),
});

/** A refused update in the form's words; the typed values go back so nothing is lost. */
function updateRefusal(result: Exclude<UpdateResult, { ok: true }>, what: string, values: Record<string, string>): ActionState<"slug" | "categoryId"> {
  switch (result.reason) {
    case "slug_taken":
      return { fieldErrors: { slug: SLUG_TAKEN }, message: FIELDS_NEED_ATTENTION, values };
    case "category_not_found":
      return { fieldErrors: { categoryId: NO_CATEGORY }, message: FIELDS_NEED_ATTENTION, values };
    case "changed_elsewhere":
      return { message: CHANGED_ELSEWHERE, values };
    case "not_found":
      return { message: `This ${what} no longer exists: someone may have deleted it.`, values };
  }
}

export const addCategory = memberAction(CONTENT_ROLES, categorySchema, async (input, member): Promise<CategoryState> => {
  const result = await createCategory(member.tenant.id, input, {
    actor: member,
    describe: (created) => (created.ok ? { action: "content.category.created", details: { id: created.id, title: input.title, slug: input.slug } } : null),
  });
  if (!result.ok) return { fieldErrors: { slug: SLUG_TAKEN }, message: FIELDS_NEED_ATTENTION, values: categoryValues(input) };
  revalidateContent(member);
  redirect(`${listPath(member)}?notice=category-created`);
});

export const saveCategory = memberAction(CONTENT_ROLES, updateCategorySchema, async ({ id, version, ...input }, member): Promise<CategoryState> => {
  const result = await updateCategory(member.tenant.id, id, input, version, {
    actor: member,
    describe: (saved) => (saved.ok ? { action: "content.category.updated", details: { id, title: input.title, slug: input.slug, changed: saved.changed } } : null),
  });
  if (!result.ok) return updateRefusal(result, "category", categoryValues(input));
  if (result.changed.length === 0) return { ok: true, message: "Nothing changed." };
  revalidateContent(member);
  return { ok: true, message: "Category saved." };
});

export const removeCategory = memberAction(CONTENT_ROLES, deleteSchema, async ({ id }, member): Promise<ActionState> => {
  const result = await deleteCategory(member.tenant.id, id, {
    actor: member,
    describe: (deleted) => (deleted.ok ? { action: "content.category.deleted", details: { id, title: deleted.title, slug: deleted.slug } } : null),
  });
  if (!result.ok && result.reason === "has_articles") {
    const [articles, them] = result.articleCount === 1 ? ["1 article", "it"] : [`${result.articleCount} articles`, "them"];
    return { message: `This category still has ${articles}. Move ${them} to another category or delete ${them} first.` };
  }
  if (!result.ok) return { message: "This category no longer exists: someone may have deleted it." };
  revalidateContent(member);
  redirect(`${listPath(member)}?notice=category-deleted`);
});

export const addArticle = memberAction(CONTENT_ROLES, articleSchema, async (input, member): Promise<ArticleState> => {
  const result = await createArticle(member.tenant.id, input, {
    actor: member,
    describe: (created) =>
      created.ok
        ? {
            action: "content.article.created",
            details: { id: created.id, title: input.title, slug: input.slug, published: input.published, requiredGroups: input.requiredGroups },
          }
        : null,
  });
  if (!result.ok) return updateRefusal(result, "article", articleValues(input));
  revalidateContent(member);
  redirect(`${listPath(member)}?notice=article-created`);
});

export const saveArticle = memberAction(CONTENT_ROLES, updateArticleSchema, async ({ id, version, ...input }, member): Promise<ArticleState> => {
  const result = await updateArticle(member.tenant.id, id, input, version, {
    actor: member,
    // Names of the changed fields, plus the visibility settings themselves: who could see what, when.
    describe: (saved) =>
      saved.ok
        ? {
            action: "content.article.updated",
            details: { id, title: input.title, slug: input.slug, changed: saved.changed, published: input.published, requiredGroups: input.requiredGroups },
          }
        : null,
  });
  if (!result.ok) return updateRefusal(result, "article", articleValues(input));
  if (result.changed.length === 0) return { ok: true, message: "Nothing changed." };
  revalidateContent(member);
  return { ok: true, message: "Article saved." };
});

export const removeArticle = memberAction(CONTENT_ROLES, deleteSchema, async ({ id }, member): Promise<ActionState> => {
  const result = await deleteArticle(member.tenant.id, id, {
    actor: member,
    describe: (deleted) => (deleted.ok ? { action: "content.article.deleted", details: { id, title: deleted.title, slug: deleted.slug } } : null),
  });
  if (!result.ok) return { message: "This article no longer exists: someone may have deleted it." };
  revalidateContent(member);
  redirect(`${listPath(member)}?notice=article-deleted`);
});
