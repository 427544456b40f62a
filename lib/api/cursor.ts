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
export const categoryCursorSchema = z.object({ p: z.number().int(), i: z.uuid() }).strict();
