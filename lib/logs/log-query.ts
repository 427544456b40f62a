// Settings → Logs filters live in the URL (so a link can be shared): parsed here, pure.
import { z } from "zod";
import { REJECTION_REASONS } from "@/lib/sso/reasons";

export const EVENT_TYPES = ["sso.login.succeeded", "sso.redirect_flow.rejected", "sso.cookie_flow.rejected", "widget_jwt.rejected", "sso.logout"] as const;
/** The Event filter: one event type, or ANY_REJECTION for every kind of refusal (what the chart counts). */
export const ANY_REJECTION = "rejected";
export const EVENT_FILTERS = [ANY_REJECTION, ...EVENT_TYPES] as const;
export type EventTypeFilter = (typeof EVENT_FILTERS)[number];

/** Preset time ranges, newest end at "now". "custom" uses from/to. */
export const RANGE_PRESETS = { "24h": 24 * 3600, "7d": 7 * 86400, "30d": 30 * 86400, "90d": 90 * 86400, "1y": 365 * 86400 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const RANGE_LABELS: Record<RangePreset | "custom", string> = {
  "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days", "1y": "Last year", custom: "Custom (UTC)",
};
export const DEFAULT_RANGE: RangePreset = "7d";
/** Retention may be up to 10 years; a custom range may span it all. */
const MAX_SPAN_MS = 3660 * 86400 * 1000;

export interface LogCursor {
  occurredAt: Date;
  id: bigint;
}

export interface LogQuery {
  type?: EventTypeFilter;
  reason?: (typeof REJECTION_REASONS)[number];
  /** an email, external id, jti or request id */
  q?: string;
  /** a preset, or "custom" with from and/or to */
  range?: RangePreset | "custom";
  from?: Date;
  to?: Date;
  cursor?: LogCursor;
  /** a custom range was asked for without a date, or with none that could be read: the default range is shown */
  rangeProblem?: RangeProblem;
}

export type RangeProblem = "no dates" | "unreadable";

/** What the filter says next to the From and To fields when a custom range could not be used. */
export function rangeProblemMessage(problem: RangeProblem): string {
  const shown = `so the ${RANGE_LABELS[DEFAULT_RANGE].toLowerCase()} are shown`;
  return problem === "no dates"
    ? `Choose a start or end date for a custom range. No date was given, ${shown}.`
    : `The custom dates could not be read (use dates like 2026-11-20T14:00, in UTC), ${shown}.`;
}

export type Bucket = "hour" | "day" | "week";

/** The absolute window a query covers at `now`: from inclusive, to exclusive. */
export interface TimeWindow {
  from: Date;
  to: Date;
  bucket: Bucket;
}

export function resolveTimeWindow(query: LogQuery, now: Date): TimeWindow {
  let from: Date;
  let to: Date;
  if (query.range === "custom" && (query.from || query.to)) {
    to = query.to ?? now;
    from = query.from ?? new Date(to.getTime() - RANGE_PRESETS[DEFAULT_RANGE] * 1000);
  } else {
    const preset = query.range && query.range !== "custom" ? query.range : DEFAULT_RANGE;
    to = now;
    from = new Date(now.getTime() - RANGE_PRESETS[preset] * 1000);
  }
  // A lone bound can still make a huge or inverted window (from in the year 1000, or in the
  // future): keep it within the longest retention and never negative.
  if (from > to) from = to;
  if (to.getTime() - from.getTime() > MAX_SPAN_MS) from = new Date(to.getTime() - MAX_SPAN_MS);
  return { from, to, bucket: bucketFor(to.getTime() - from.getTime()) };
}

/** Hours up to a week (a spike "since 14:00" shows), days up to half a year, then weeks. */
export function bucketFor(spanMs: number): Bucket {
  if (spanMs <= 7 * 86400 * 1000) return "hour";
  if (spanMs <= 180 * 86400 * 1000) return "day";
  return "week";
}

/** The position after the last row shown: its time and id, so new arrivals never shift pages. */
export function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string | undefined): LogCursor | undefined {
  if (!value || value.length > 100) return undefined;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(at ?? "");
  if (Number.isNaN(occurredAt.getTime()) || !/^\d{1,19}$/.test(id ?? "")) return undefined;
  return { occurredAt, id: BigInt(id!) };
}

/** `YYYY-MM-DDTHH:MM` (what <input type="datetime-local"> sends), read as UTC. */
export function parseUtcMinute(value: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? "");
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  // Date.UTC rolls 2026-02-31 over to March: refuse instead of guessing.
  // Date.UTC also reads years 0-99 as 1900-1999: refuse those too.
  const exact = date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && date.getUTCHours() === h;
  return exact ? date : undefined;
}

export function formatUtcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

const querySchema = z.object({
  type: z.enum(EVENT_FILTERS).optional().catch(undefined),
  reason: z.enum(REJECTION_REASONS).optional().catch(undefined),
  q: z.string().trim().max(254).optional().catch(undefined),
  range: z.enum([...(Object.keys(RANGE_PRESETS) as RangePreset[]), "custom"]).optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  cursor: z.string().optional().catch(undefined),
});

/** Unknown or malformed values are dropped rather than failing the page. */
export function parseLogQuery(params: Record<string, string | string[] | undefined>): LogQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = querySchema.parse({
    type: first(params.type), reason: first(params.reason), q: first(params.q), range: first(params.range),
    from: first(params.from), to: first(params.to), cursor: first(params.cursor),
  });
  const query: LogQuery = { type: parsed.type, reason: parsed.reason, q: parsed.q || undefined, range: parsed.range, cursor: decodeCursor(parsed.cursor) };
  if (parsed.range === "custom") {
    let from = parseUtcMinute(parsed.from);
    let to = parseUtcMinute(parsed.to);
    if (from && to && from > to) [from, to] = [to, from];
    if (from && to && to.getTime() - from.getTime() > MAX_SPAN_MS) from = new Date(to.getTime() - MAX_SPAN_MS);
    if (from || to) return { ...query, from, to };
    // "custom" with no usable bound: the default range, and say why (Filter pressed with the dates
    // left empty sends from=&to=).
    query.range = undefined;
    query.rangeProblem = parsed.from || parsed.to ? "unreadable" : "no dates";
  }
  return query;
}

/** The URL search string for a query (filters kept, cursor optional). */
export function logQueryString(query: LogQuery): string {
  const params = new URLSearchParams();
  if (query.type) params.set("type", query.type);
  if (query.reason) params.set("reason", query.reason);
  if (query.q) params.set("q", query.q);
  if (query.range) params.set("range", query.range);
  if (query.range === "custom" && query.from) params.set("from", formatUtcMinute(query.from));
  if (query.range === "custom" && query.to) params.set("to", formatUtcMinute(query.to));
  if (query.cursor) params.set("cursor", encodeCursor(query.cursor));
  const text = params.toString();
  return text ? `?${text}` : "";
}
