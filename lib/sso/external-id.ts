// The external_id claim as Gatehouse stores it. Its own module, without zod, because the proxy
// (via jwt-cookie.ts) reads it on page loads too.
import { isCleanText } from "@/lib/text/control-characters";

/** The external_id claim as stored: null when absent, undefined when unusable. */
export function parseExternalId(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  // Numbers are common (database ids); they are kept as their decimal text.
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value === "string" && value.length > 0 && value.length <= 255 && isCleanText(value)) return value;
  return undefined;
}
