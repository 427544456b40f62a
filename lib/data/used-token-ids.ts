import "server-only";
import { getDb } from "@/lib/db";
import { hashOpaqueToken } from "@/lib/sso/opaque-token";
import type { TokenIdState } from "@/lib/sso/token-check";

// What the database knows about a token's jti, read WITHOUT changing anything: for the dashboard's
// "Test a token", which must leave a token usable. Claiming a jti (the write) belongs to the
// sign-in path alone: lib/data/sign-in-store.ts.

/**
 * Whether a sign-in already spent this jti in this tenant (a row in used_token_ids, purged or
 * not yet), and the redirect key it is when the help center issued it (keys are stored hashed).
 */
export async function findTokenIdState(tenantId: string, jti: string): Promise<TokenIdState> {
  const db = getDb();
  const [used, key] = await Promise.all([
    db.usedTokenId.findUnique({ where: { tenantId_jti: { tenantId, jti } }, select: { jti: true } }),
    db.redirectKey.findFirst({ where: { tenantId, keyHash: hashOpaqueToken(jti) }, select: { expiresAt: true, usedAt: true } }),
  ]);
  return { used: used !== null, key };
}
