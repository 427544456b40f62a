// Whether a write failed on a unique index: how this module tells "already taken" (a slug, an
// email, a concurrent first sign-in) from a real failure.

/**
 * Prisma's model calls report P2002; node-postgres reports SQLSTATE 23505 as `code`; Prisma's raw
 * queries carry the database's message and metadata instead.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta } = error as { code?: unknown; message?: unknown; meta?: unknown };
  if (code === "P2002" || code === "23505") return true;
  return /23505|unique constraint|UniqueConstraintViolation/i.test(`${String(message)} ${JSON.stringify(meta ?? {})}`);
}
