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

/** "12.3 KB" for the editor's counter. */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}
