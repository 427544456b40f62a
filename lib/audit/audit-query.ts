// The Audit page's URL: ?area= (one part of the dashboard) and ?cursor= (the position after the
// last entry shown). Parsed leniently, since anyone can edit a URL: a value that does not read is
// dropped, never an error. Pure.
import { decodeTimeIdCursor, encodeTimeIdCursor } from "@/lib/api/cursor";
import { isAuditArea, type AuditArea } from "./audit-actions";

/** The last entry shown: its time and id (ids break ties between entries of the same millisecond). */
export interface AuditCursor {
  occurredAt: Date;
  id: string;
}

export interface AuditQuery {
  area?: AuditArea;
  cursor?: AuditCursor;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeTimeIdCursor(cursor.occurredAt, cursor.id);
}

export function decodeAuditCursor(value: string | undefined): AuditCursor | undefined {
  const decoded = decodeTimeIdCursor(value);
  return decoded ? { occurredAt: decoded.at, id: decoded.id } : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const area = first(params.area);
  return { area: isAuditArea(area) ? area : undefined, cursor: decodeAuditCursor(first(params.cursor)) };
}

/** The URL search string for a query ("" for none): filters kept, the cursor only when given. */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.area) params.set("area", query.area);
  if (query.cursor) params.set("cursor", encodeAuditCursor(query.cursor));
  const text = params.toString();
  return text ? `?${text}` : "";
}
