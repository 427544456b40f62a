import { isRequestId } from "./schemas";

// Keyset pagination for request lists: a page starts after the (time, id) of the last row shown,
// so requests raised or answered meanwhile never shift what the next page holds. No OFFSET.

export interface RequestCursor {
  at: Date;
  id: string;
}

export function encodeRequestCursor(cursor: RequestCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor in a URL, or undefined when absent or unreadable (then the first page is shown). */
export function decodeRequestCursor(value: string | string[] | undefined): RequestCursor | undefined {
  if (typeof value !== "string" || value.length > 120) return undefined;
  const [at, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (extra !== undefined || Number.isNaN(date.getTime()) || !isRequestId(id ?? "")) return undefined;
  return { at: date, id: id! };
}
