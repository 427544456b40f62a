import "server-only";
import { getDb } from "@/lib/db";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";

/** How long a visitor has to come back from the Login URL. */
export const REDIRECT_KEY_LIFETIME_SECONDS = 10 * 60;

/** Stores a new redirect key (hashed) bound to a browser (hashed), with where the visitor was going. */
export async function createRedirectKey(tenantId: string, key: string, browserBinding: string, returnTo: string, now: Date = new Date()) {
  await getDb().redirectKey.create({
    data: {
      tenantId,
      keyHash: hashOpaqueToken(key),
      browserBinding: hashOpaqueToken(browserBinding),
      returnTo,
      expiresAt: new Date(now.getTime() + REDIRECT_KEY_LIFETIME_SECONDS * 1000),
    },
    select: { id: true },
  });
}

/** Where the visitor was going when they were given this key (for the jwt_error bounce). */
export async function findRedirectKeyReturnTo(tenantId: string, key: string): Promise<string | null> {
  const row = await getDb().redirectKey.findFirst({ where: { tenantId, keyHash: hashOpaqueToken(key) }, select: { returnTo: true } });
  return row?.returnTo ?? null;
}
