// One base64url segment of a compact JWT, read as a JSON object without trusting it: for logging,
// for choosing what to check, never for deciding who someone is.

/** The segment's JSON object, or null when it is not base64url-encoded JSON of an object. */
export function decodeJsonSegment(segment: string | undefined): Record<string, unknown> | null {
  if (!segment || !/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
