// Text from outside (tokens, forms) that will be stored, logged or shown must not carry control
// characters: C0 (tabs and newlines included), DEL and C1. One definition for every check.

/** Matches any control character: C0, DEL or C1. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Text that is stored and compared as it came: no control character, and well-formed UTF-16. A
 * lone surrogate would reach PostgreSQL (and every hash) as U+FFFD, so two different values would
 * be stored as one and a value read back would no longer equal the one that was checked.
 */
export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && value.isWellFormed();
}

/** What a form says beside a field whose text fails isCleanText; `what`: "name", "URL", … */
export function uncleanTextMessage(what: string): string {
  return `Remove control characters (such as tabs or line breaks) from the ${what}.`;
}
