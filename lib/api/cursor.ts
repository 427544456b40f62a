// Opaque pagination cursors for the read API: the last row's sort key, base64url JSON. Pure.
// Opaque so clients pass them back as they are; validated on the way in, since clients write them.
import { z } from "zod";

export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const articleCursorSchema = z.object({ c: z.iso.datetime({ offset: true }), i: z.uuid() }).strict();
// A category position is a PostgreSQL integer: a cursor outside its range is refused here, not by the query.
export const categoryCursorSchema = z.object({ p: z.int32(), i: z.uuid() }).strict();

/** The dashboard lists' position (People, Audit): the last row's time and id, ids breaking ties. */
const timeIdCursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() }).strict();

export function encodeTimeIdCursor(at: Date, id: string): string {
  return encodeCursor({ t: at.toISOString(), i: id });
}

/** Undefined for anything that does not read as one (URLs are edited by hand). */
export function decodeTimeIdCursor(value: string | undefined): { at: Date; id: string } | undefined {
  const decoded = value ? decodeCursor(value, timeIdCursorSchema) : null;
  return decoded ? { at: new Date(decoded.t), id: decoded.i } : undefined;
}
