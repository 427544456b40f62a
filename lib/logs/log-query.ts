// Settings → Logs filters live in the URL (so a link can be shared): parsed here, pure.
import { z } from "zod";
import { REJECTION_REASONS } from "@/lib/sso/reasons";

export const EVENT_TYPES = ["sso.login.succeeded", "sso.redirect_flow.rejected", "sso.logout"] as const;

export interface LogCursor {
  occurredAt: Date;
  id: bigint;
}

export interface LogQuery {
  type?: (typeof EVENT_TYPES)[number];
  reason?: (typeof REJECTION_REASONS)[number];
  /** an email, external id, jti or request id */
  q?: string;
  cursor?: LogCursor;
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

const querySchema = z.object({
  type: z.enum(EVENT_TYPES).optional().catch(undefined),
  reason: z.enum(REJECTION_REASONS).optional().catch(undefined),
  q: z.string().trim().max(254).optional().catch(undefined),
  cursor: z.string().optional().catch(undefined),
});

/** Unknown or malformed values are dropped rather than failing the page. */
export function parseLogQuery(params: Record<string, string | string[] | undefined>): LogQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = querySchema.parse({ type: first(params.type), reason: first(params.reason), q: first(params.q), cursor: first(params.cursor) });
  return { type: parsed.type, reason: parsed.reason, q: parsed.q || undefined, cursor: decodeCursor(parsed.cursor) };
}

/** The URL search string for a query (filters kept, cursor optional). */
export function logQueryString(query: LogQuery): string {
  const params = new URLSearchParams();
  if (query.type) params.set("type", query.type);
  if (query.reason) params.set("reason", query.reason);
  if (query.q) params.set("q", query.q);
  if (query.cursor) params.set("cursor", encodeCursor(query.cursor));
  const text = params.toString();
  return text ? `?${text}` : "";
}
