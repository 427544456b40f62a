import { z } from "zod";
import { decodeTimeIdCursor, encodeTimeIdCursor } from "@/lib/api/cursor";
import type { EndUserCursor } from "@/lib/data/end-users";
import { isUuid } from "@/lib/uuid";

// What People reads from its URL (search, filter and page live there, so a link can be shared) and
// what its action buttons submit.

/** The suspend, lift and sign-out buttons send the person's id; the data layer finds it only in the member's tenant. */
export const personSchema = z.object({ endUserId: z.string().refine(isUuid, "This person could not be found.") });

export type PeopleFilter = "all" | "suspended";

export interface PeopleQuery {
  /** trimmed; absent when blank */
  q?: string;
  filter: PeopleFilter;
  /** the page after this person (absent: the first page) */
  after?: EndUserCursor;
}

const SEARCH_MAX = 254;

/** The page cursor as it travels in the URL: the last row's sign-in time and id, opaque (lib/api/cursor). */
export function encodePeopleCursor(cursor: EndUserCursor): string {
  return encodeTimeIdCursor(cursor.lastLoginAt, cursor.id);
}

export function decodePeopleCursor(value: string | undefined): EndUserCursor | undefined {
  const decoded = decodeTimeIdCursor(value);
  return decoded ? { lastLoginAt: decoded.at, id: decoded.id } : undefined;
}

/** Unknown or malformed values are dropped rather than failing the page. */
export function parsePeopleQuery(params: Record<string, string | string[] | undefined>): PeopleQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const q = first(params.q)?.trim().slice(0, SEARCH_MAX);
  return { q: q || undefined, filter: first(params.status) === "suspended" ? "suspended" : "all", after: decodePeopleCursor(first(params.after)) };
}

/** The URL search string for a query (search and filter kept, cursor optional). */
export function peopleQueryString(query: PeopleQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.filter === "suspended") params.set("status", "suspended");
  if (query.after) params.set("after", encodePeopleCursor(query.after));
  const text = params.toString();
  return text ? `?${text}` : "";
}
