// Sizes the dashboard accepts for help-center content, shared by the forms (counters, maxLength)
// and the server-side schemas (the real check).

export const CATEGORY_TITLE_MAX = 120;
export const CATEGORY_DESCRIPTION_MAX = 500;
export const CATEGORY_POSITION_MAX = 10_000;
export const ARTICLE_TITLE_MAX = 200;
/** Article bodies are Markdown; 100 KB is a long manual chapter, and keeps pages fast. */
export const ARTICLE_BODY_MAX_BYTES = 100 * 1024;

/** UTF-8 size, the unit the body limit is in (an emoji is 4 bytes, "é" is 2). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * "12.3 KB", rounded up to a tenth: a body even one byte over the limit never reads as the limit
 * itself ("100.1 KB of 100 KB", not "100 KB of 100 KB").
 */
export function formatKilobytes(bytes: number): string {
  const tenths = Math.ceil(bytes / 102.4);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} KB`;
}
