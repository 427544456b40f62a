// What a form says above its fields when a refusal sits beside one of them. Every form uses the same
// words, and the server actions and the client-side checks share this one copy. Pure.

/**
 * Announced by the form's message (role="alert") while focus moves to the field to fix: without it a
 * screen reader would hear only the field's name.
 */
export const FIELDS_NEED_ATTENTION = "Some fields need attention.";
