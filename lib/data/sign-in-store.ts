import "server-only";
import { getDb } from "@/lib/db";
import type { EndUserProfile } from "@/lib/sso/profile-claims";
import type { ProvisionResult, RedirectKeyState, SignInStore } from "@/lib/sso/sign-in";

// PostgreSQL behind lib/sso/sign-in.ts, for one tenant. Atomicity comes from unique indexes, not
// locks: (tenant_id, jti) makes a token usable once even under concurrent submits, and the
// end-user unique keys make two concurrent first logins create one user.

interface ClaimRow {
  claimed: boolean;
  browser_binding: string | null;
  expires_at: Date | null;
  used_at: Date | null;
  return_to: string | null;
}

interface UserRow {
  id: string;
  email: string;
  external_id: string | null;
  suspended: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  // Raw-query errors from the pg adapter carry PostgreSQL's SQLSTATE somewhere in their metadata.
  return /23505|unique constraint|UniqueConstraintViolation/i.test(`${(error as Error)?.message} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`);
}

export function createSignInStore(tenantId: string): SignInStore {
  const db = getDb();
  return {
    async claimTokenId(jti, jtiKeyHash, keepUntil) {
      // One round trip: record the jti, and mark the redirect key used if the jti is one. The
      // `key` CTE reads the row as it was before this statement, so `used_at` there tells whether
      // an earlier request had used it.
      const rows = await db.$queryRaw<ClaimRow[]>`
        WITH claimed AS (
          INSERT INTO used_token_ids (tenant_id, jti, expires_at) VALUES (${tenantId}::uuid, ${jti}, ${keepUntil})
          ON CONFLICT (tenant_id, jti) DO NOTHING
          RETURNING jti
        ), key AS (
          SELECT id, browser_binding, expires_at, used_at, return_to
            FROM redirect_keys WHERE tenant_id = ${tenantId}::uuid AND key_hash = ${jtiKeyHash}
        ), marked AS (
          UPDATE redirect_keys SET used_at = now()
           WHERE id IN (SELECT id FROM key) AND used_at IS NULL AND EXISTS (SELECT 1 FROM claimed)
          RETURNING id
        )
        SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, key.browser_binding, key.expires_at, key.used_at, key.return_to
          FROM (SELECT 1) AS one LEFT JOIN key ON true`;
      const row = rows[0]!;
      const key: RedirectKeyState | null =
        row.browser_binding === null
          ? null
          : { browserBindingHash: row.browser_binding, expiresAt: row.expires_at!, previouslyUsedAt: row.used_at, returnTo: row.return_to };
      return { claimed: row.claimed, key };
    },

    async provisionEndUser(profile, now) {
      // The common case, a returning user, in one statement.
      try {
        const updated = await updateUser(tenantId, profile, now, profile.externalId ? { externalId: profile.externalId } : { email: profile.email });
        if (updated) return { status: "ready", endUserId: updated };
      } catch (error) {
        if (isUniqueViolation(error)) return { status: "conflict" };
        throw error;
      }
      // New, suspended, or linking an email-only user to an external id. Retried when a
      // concurrent first login of the same person wins the insert.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await provisionCarefully(tenantId, profile, now);
        if (result) return result;
      }
      return { status: "conflict" };
    },
  };
}

async function updateUser(
  tenantId: string,
  profile: EndUserProfile,
  now: Date,
  match: { externalId: string } | { email: string } | { id: string },
): Promise<string | null> {
  const byExternalId = "externalId" in match ? match.externalId : null;
  const byEmail = "email" in match ? match.email : null;
  const byId = "id" in match ? match.id : null;
  // Claims the token left out keep their stored value; groups: [] clears them.
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE end_users SET
      email = ${profile.email},
      name = ${profile.name},
      external_id = COALESCE(${profile.externalId}::text, external_id),
      role = COALESCE(${profile.role}::text::"EndUserRole", role),
      lang = COALESCE(${profile.lang}::text, lang),
      avatar_url = COALESCE(${profile.avatarUrl}::text, avatar_url),
      custom_fields = COALESCE(${profile.customFields === null ? null : JSON.stringify(profile.customFields)}::jsonb, custom_fields),
      groups = COALESCE(${profile.groups}::text[], groups),
      last_login_at = ${now},
      updated_at = ${now}
    WHERE tenant_id = ${tenantId}::uuid AND NOT suspended
      AND ((${byExternalId}::text IS NOT NULL AND external_id = ${byExternalId}::text)
        OR (${byEmail}::text IS NOT NULL AND email = ${byEmail}::text)
        OR (${byId}::uuid IS NOT NULL AND id = ${byId}::uuid))
    RETURNING id`;
  return rows[0]?.id ?? null;
}

async function provisionCarefully(tenantId: string, profile: EndUserProfile, now: Date): Promise<ProvisionResult | null> {
  const db = getDb();
  const candidates = await db.$queryRaw<UserRow[]>`
    SELECT id, email, external_id, suspended FROM end_users
     WHERE tenant_id = ${tenantId}::uuid AND (email = ${profile.email} OR (${profile.externalId}::text IS NOT NULL AND external_id = ${profile.externalId}::text))`;
  const byExternalId = profile.externalId ? candidates.find((user) => user.external_id === profile.externalId) : undefined;
  const byEmail = candidates.find((user) => user.email === profile.email);

  const target: UserRow | undefined = byExternalId ?? byEmail;
  // The email belongs to someone else: another person with another external id.
  if (byExternalId && byEmail && byEmail.id !== byExternalId.id) return { status: "conflict" };
  if (!byExternalId && byEmail && profile.externalId && byEmail.external_id && byEmail.external_id !== profile.externalId) {
    return { status: "conflict" };
  }
  if (target?.suspended) return { status: "suspended", endUserId: target.id };

  if (target) {
    try {
      const id = await updateUser(tenantId, profile, now, { id: target.id });
      return id ? { status: "ready", endUserId: id } : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO end_users (id, tenant_id, email, name, external_id, role, lang, avatar_url, custom_fields, groups,
                           first_login_at, last_login_at, created_at, updated_at)
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${profile.email}, ${profile.name}, ${profile.externalId},
            COALESCE(${profile.role}::text, 'viewer')::"EndUserRole", ${profile.lang}, ${profile.avatarUrl},
            ${JSON.stringify(profile.customFields ?? {})}::jsonb, COALESCE(${profile.groups}::text[], ARRAY[]::text[]),
            ${now}, ${now}, ${now}, ${now})
    ON CONFLICT DO NOTHING
    RETURNING id`;
  return inserted[0] ? { status: "ready", endUserId: inserted[0].id } : null;
}
