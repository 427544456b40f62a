// Text from outside (tokens, forms) that will be stored, logged or shown must not carry control
// characters: C0 (tabs and newlines included), DEL and C1. One definition for every check.

/** Matches any control character: C0, DEL or C1. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
