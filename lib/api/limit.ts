// ?limit= on the widget API and the read API. Pure.

/** 1…max, `fallback` when absent; null when present and not a whole number in range (a 400). */
export function parseLimit(value: string | null, fallback: number, max: number): number | null {
  if (value === null || value === "") return fallback;
  if (!/^\d{1,3}$/.test(value)) return null;
  const limit = Number(value);
  return limit >= 1 && limit <= max ? limit : null;
}
