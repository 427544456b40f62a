// What a reader typed into the widget's search box, as a PostgreSQL tsquery text for
// to_tsquery('simple', …): every word must match, the last one (still being typed) and every other
// as a prefix. Pure. Only letters and digits reach the query, so no input can be tsquery syntax.

export const MAX_SEARCH_WORDS = 8;

export function prefixTsQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_WORDS);
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(" & ");
}
