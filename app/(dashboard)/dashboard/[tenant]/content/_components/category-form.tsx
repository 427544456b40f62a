"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/textarea-field";
import { CATEGORY_DESCRIPTION_MAX, CATEGORY_POSITION_MAX, CATEGORY_TITLE_MAX } from "@/lib/content/limits";
import { addCategory, saveCategory, type CategoryState } from "../actions";
import { TitleSlugFields } from "./title-slug-fields";
import { useFocusFirstError } from "@/components/use-focus-first-error";
import { SubmitButton } from "@/components/submit-button";

export interface EditableCategory {
  id: string;
  title: string;
  slug: string;
  description: string;
  position: number;
  /** ISO time of the version the editor opened */
  updatedAt: string;
}

// Create (no `category`) or edit a category. A refused save keeps everything typed: title and
// slug are held in state, the other fields come back from the action's `values`.
export function CategoryForm({ subdomain, category, defaultPosition = 0 }: { subdomain: string; category?: EditableCategory; defaultPosition?: number }) {
  const [state, action, pending] = useActionState<CategoryState, FormData>((category ? saveCategory : addCategory).bind(null, subdomain), {});
  const formRef = useFocusFirstError(state.fieldErrors);
  const typed = state.ok ? undefined : state.values;
  // Each field shows its error until it changes (useErrorUntilEdited); useFocusFirstError still sees every new refusal whole.
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={formRef} action={action} className="mt-6 max-w-2xl space-y-5" noValidate>
      {category && <input type="hidden" name="id" value={category.id} />}
      {category && <input type="hidden" name="version" value={category.updatedAt} />}
      <TitleSlugFields
        title={typed?.title ?? category?.title ?? ""}
        slug={typed?.slug ?? category?.slug ?? ""}
        isNew={!category}
        pathPrefix="/categories/"
        titleMax={CATEGORY_TITLE_MAX}
        errors={errors}
      />
      <TextAreaField
        id="description"
        label="Description"
        rows={3}
        maxLength={CATEGORY_DESCRIPTION_MAX}
        defaultValue={typed?.description ?? category?.description ?? ""}
        error={errors.description}
        hint={<>Optional. Shown under the title on the help center&apos;s home page; at most {CATEGORY_DESCRIPTION_MAX} characters.</>}
      />
      <div className="max-w-48">
      <FormField
        id="position"
        label="Position"
        type="number"
        inputMode="numeric"
        min={0}
        max={CATEGORY_POSITION_MAX}
        required
        defaultValue={typed?.position ?? category?.position ?? defaultPosition}
        error={errors.position}
        hint="Lowest first; equal positions by title."
      />
      </div>
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.ok && <FormMessage tone="success" message={state.message} />}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60">
          {pending ? "Saving…" : category ? "Save category" : "Create category"}
        </SubmitButton>
        <Link href={`/dashboard/${subdomain}/content`} className="text-sm text-brand-700 hover:underline">
          Back to content
        </Link>
      </div>
    </form>
  );
}
