"use client";

import Link from "next/link";
import { useActionState, type FormEvent } from "react";
import { FormField, FormMessage, useErrorUntilEdited } from "@/components/form-field";
import type { ArticleInput } from "@/lib/data/content-editing";
import { formatGroupList } from "@/lib/content/groups";
import { ARTICLE_BODY_MAX_BYTES, ARTICLE_TITLE_MAX, utf8Bytes } from "@/lib/content/limits";
import { addArticle, saveArticle, type ArticleState } from "../actions";
import { MarkdownEditor } from "./markdown-editor";
import { TitleSlugFields } from "./title-slug-fields";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { SubmitButton } from "@/components/submit-button";

/**
 * A body over the limit is not sent: the editor's counter already says why, and focus goes there.
 * The server refuses it too, but a body past the request size limit (1 MB) would fail as a whole
 * request, and the form would lose what was typed.
 */
function keepOversizedBody(event: FormEvent<HTMLFormElement>) {
  const body = new FormData(event.currentTarget).get("body");
  if (typeof body === "string" && utf8Bytes(body) > ARTICLE_BODY_MAX_BYTES) {
    event.preventDefault();
    event.currentTarget.querySelector<HTMLTextAreaElement>("textarea[name=body]")?.focus();
  }
}

/** What is saved (ArticleInput), plus which article and which version of it the editor opened. */
export interface EditableArticle extends ArticleInput {
  id: string;
  /** ISO time of the version the editor opened */
  updatedAt: string;
}

// Create (no `article`) or edit an article. Title, slug and body are held in state; the select,
// checkbox and groups come back from the action's `values` after a refusal, so nothing typed is lost.
export function ArticleForm({
  subdomain,
  categories,
  article,
  defaultCategoryId,
}: {
  subdomain: string;
  categories: { id: string; title: string }[];
  article?: EditableArticle;
  defaultCategoryId?: string;
}) {
  const [state, action, pending] = useActionState<ArticleState, FormData>((article ? saveArticle : addArticle).bind(null, subdomain), {});
  const formRef = useFocusFirstError(state.fieldErrors);
  const typed = state.ok ? undefined : state.values;
  // Each field shows its error until it changes (useErrorUntilEdited); useFocusFirstError still sees every new refusal whole.
  const errors = state.fieldErrors ?? {};
  const { ref: categoryRef, error: categoryError, markEdited: categoryEdited } = useErrorUntilEdited<HTMLSelectElement>(errors.categoryId);
  const published = typed ? typed.published === "on" : (article?.published ?? false);
  return (
    <form ref={formRef} action={action} onSubmit={keepOversizedBody} className="mt-6 space-y-5" noValidate>
      {article && <input type="hidden" name="id" value={article.id} />}
      {article && <input type="hidden" name="version" value={article.updatedAt} />}
      <div className="max-w-2xl space-y-5">
        <div>
          <label htmlFor="categoryId" className="block text-sm font-medium text-slate-800">Category</label>
          <select
            ref={categoryRef}
            id="categoryId"
            name="categoryId"
            defaultValue={typed?.categoryId ?? article?.categoryId ?? defaultCategoryId ?? categories[0]?.id}
            onChange={categoryEdited}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? "categoryId-error" : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {categories.map((category) => (
              <option key={category.id} value={category.id}>{category.title}</option>
            ))}
          </select>
          {categoryError && <p id="categoryId-error" className="mt-1 text-sm text-red-700">{categoryError}</p>}
        </div>
        <TitleSlugFields
          title={typed?.title ?? article?.title ?? ""}
          slug={typed?.slug ?? article?.slug ?? ""}
          isNew={!article}
          pathPrefix="/articles/"
          titleMax={ARTICLE_TITLE_MAX}
          errors={errors}
        />
      </div>
      <MarkdownEditor initialBody={typed?.body ?? article?.body ?? ""} error={errors.body} />
      <div className="max-w-2xl space-y-5">
        <FormField
          id="requiredGroups"
          label="Required groups"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="e.g. beta, enterprise"
          defaultValue={typed?.requiredGroups ?? formatGroupList(article?.requiredGroups ?? [])}
          error={errors.requiredGroups}
          hint={
            <>
              Visible only to signed-in users in at least one of these groups; empty = everyone who can read the help center.
              Separate names with commas. They are compared exactly, upper and lower case included, with the <code>groups</code> claim of
              your sign-in tokens.
            </>
          }
        />
        <div className="flex items-start gap-3">
          <input id="published" name="published" type="checkbox" defaultChecked={published} aria-describedby="published-hint" className="mt-1 size-4" />
          <div>
            <label htmlFor="published" className="text-sm font-medium text-slate-800">Published</label>
            <p id="published-hint" className="text-xs text-slate-500">Drafts are only seen here, in the dashboard.</p>
          </div>
        </div>
        <FormMessage message={state.ok ? undefined : state.message} />
        {state.ok && <FormMessage tone="success" message={state.message} />}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
            {pending ? "Saving…" : article ? "Save article" : "Create article"}
          </SubmitButton>
          <Link href={`/dashboard/${subdomain}/content`} className="text-sm text-brand-700 hover:underline">Back to content</Link>
        </div>
      </div>
    </form>
  );
}
