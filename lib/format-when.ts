// How the dashboard and the help center show a moment: for people (formatWhen), and for logs and
// audit trails, where rows are compared and sorted by eye (formatUtcSeconds). Always in UTC, and
// always saying so where the text stands alone: servers and browsers may sit in different zones.

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** e.g. "21 Nov 2026, 14:05 UTC". */
export function formatWhen(date: Date): string {
  return `${WHEN.format(date)} UTC`;
}

/** e.g. "2026-11-21 14:05:09" (UTC, to the second; the caller says "UTC" where a column heading does not). */
export function formatUtcSeconds(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 19);
}
