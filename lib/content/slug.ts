// Slugs are the last part of a help-center URL (/articles/<slug>, /categories/<slug>). Pure: the
// dashboard derives one from a title as the editor types, and the server checks the result again.

export const SLUG_MAX_LENGTH = 80;

/** Lower-case ASCII letters and digits in runs joined by single hyphens: "reset-your-password". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A URL-safe slug from a title: accents dropped (é → e), everything that is not a letter or digit
 * becomes one hyphen, at most SLUG_MAX_LENGTH characters, cut at a word boundary when possible.
 * May return "" (a title of only symbols or non-Latin script): the editor then types one.
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  // Prefer whole words, unless that would throw most of the slug away.
  const end = lastHyphen > SLUG_MAX_LENGTH / 2 ? lastHyphen : SLUG_MAX_LENGTH;
  return slug.slice(0, end).replace(/-+$/, "");
}

/** Why a typed slug cannot be used, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (slug === "") return "Enter a slug: lower-case letters, digits and hyphens.";
  if (slug.length > SLUG_MAX_LENGTH) return `The slug can be at most ${SLUG_MAX_LENGTH} characters.`;
  if (!SLUG_PATTERN.test(slug)) return "Use lower-case letters, digits and single hyphens only (e.g. reset-your-password).";
  return null;
}
