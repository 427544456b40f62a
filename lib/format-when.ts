// One way to show a moment in the dashboard and the help center.

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** e.g. "21 Nov 2026, 14:05 UTC": servers and browsers may sit in different zones, so say which. */
export function formatWhen(date: Date): string {
  return `${WHEN.format(date)} UTC`;
}
