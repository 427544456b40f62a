// The CSV export's rows: one header line, then one line per event. csv-stringify does the quoting;
// this decides the columns and defuses spreadsheet formulas. Pure.
import { stringify } from "csv-stringify/sync";
import type { LoggedEvent } from "./logged-event";

export type ExportableEvent = Omit<LoggedEvent, "id">;

export const CSV_COLUMNS = [
  "occurred_at", "event_type", "outcome", "reason_code", "repeat_count", "email", "external_id", "jti", "iss", "aud",
  "iat", "exp", "signature_verified", "claim", "detail", "client_ip", "user_agent", "request_id",
] as const;

/**
 * Token values are written by whoever made the token. A cell starting with = + - @ (or a tab or
 * carriage return) would run as a formula when the file is opened in a spreadsheet, so such text
 * gets a leading apostrophe (the OWASP "CSV injection" advice).
 */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return defuse(String(value));
}

export function csvHeader(): string {
  return stringify([CSV_COLUMNS as unknown as string[]]);
}

export function csvRows(events: ExportableEvent[]): string {
  return stringify(
    events.map((event) => [
      event.occurredAt.toISOString(), event.eventType, event.outcome, event.reasonCode, event.repeatCount, event.email, event.externalId,
      event.jti, event.iss, event.aud, event.details.iat, event.details.exp, event.details.verified, event.details.claim,
      event.details.detail, event.clientIp, event.userAgent, event.requestId,
    ].map(cell)),
  );
}
