"use client";

import { useState } from "react";
import { FormField } from "@/components/form-field";
import { slugify, SLUG_MAX_LENGTH } from "@/lib/content/slug";

// The title and the slug (the last part of the address). On a new item the slug follows the title
// until the editor types one of their own; on an existing item it never changes by itself, because
// changing it breaks every link to the old address.
export function TitleSlugFields({
  title: initialTitle,
  slug: initialSlug,
  isNew,
  pathPrefix,
  titleMax,
  errors,
}: {
  title: string;
  slug: string;
  isNew: boolean;
  /** "/articles/" or "/categories/", to show the address being made */
  pathPrefix: string;
  titleMax: number;
  /** shown until the field changes: the slug's also when it follows the title (FormField) */
  errors: { title?: string; slug?: string };
}) {
  const [title, setTitle] = useState(initialTitle);
  const [slug, setSlug] = useState(initialSlug);
  // Follows the title while it is what the title would give (also after a refused save).
  const [followTitle, setFollowTitle] = useState(isNew && (initialSlug === "" || initialSlug === slugify(initialTitle)));

  return (
    <>
      <FormField
        id="title"
        label="Title"
        required
        maxLength={titleMax}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          if (followTitle) setSlug(slugify(event.target.value));
        }}
        error={errors.title}
      />
      <FormField
        id="slug"
        label="Slug"
        required
        maxLength={SLUG_MAX_LENGTH}
        value={slug}
        autoCapitalize="none"
        spellCheck={false}
        onChange={(event) => {
          setSlug(event.target.value);
          setFollowTitle(false);
        }}
        error={errors.slug}
        hint={
          <>
            The address: <code>{pathPrefix}{slug || "…"}</code>. Lower-case letters, digits and hyphens.{" "}
            {isNew ? "Filled in from the title; you can change it." : "Changing it breaks links to the old address."}
          </>
        }
      />
    </>
  );
}
