import "server-only";
import { getDb, queryPipelined } from "@/lib/db";
import { isUniqueViolation } from "./unique-violation";
import type { EndUserProfile } from "@/lib/sso/profile-claims";
import type { EarlyAdmission, ProvisionResult, RedirectKeyState, SignInFacts, SignInStore } from "@/lib/sso/sign-in";
import type { RequestInfo } from "@/lib/sso-web/request-info";

// PostgreSQL behind lib/sso/sign-in.ts, for one tenant and one request. Atomicity comes from
// unique indexes, not locks: (tenant_id, jti) makes a token usable once even under concurrent
// submits, and the end-user unique keys make two concurrent first logins create one user.
// A returning user's sign-in costs one statement, one round trip and one commit: claim the token
// and admit the user. A new user costs three (claim, look up, create and admit), linking an
// email-only user to their external id four (provisionCarefully). The hot statements skip
// Prisma (queryPipelined: the pg driver, pipelined where the database allows) and are prepared by
// name so PostgreSQL parses and plans them once per connection: Prisma's raw-query pipeline costs
// ~0.8 ms CPU per statement against ~0.16 ms for the driver, and planning these CTEs cost
// PostgreSQL ~0.28 ms.

/** The cached configuration this request was verified with is out of date: load it again. */
export class StaleSignInContextError extends Error {
  constructor() {
    super("The tenant's SSO configuration changed since it was cached.");
    this.name = "StaleSignInContextError";
  }
}

export interface SessionToStart {
  tokenHash: string;
  expiresAt: Date;
  request: RequestInfo;
}

interface ClaimRow {
  current: boolean;
  claimed: boolean;
  browser_binding: string | null;
  expires_at: Date | null;
  used_at: Date | null;
  return_to: string | null;
  admitted_id: string | null;
}

interface UserRow {
  id: string;
  email: string;
  external_id: string | null;
  suspended: boolean;
}

/**
 * What follows once a user is admitted: start the session and log the sign-in, in the same
 * statement as the `admitted` CTE before it (all or nothing). `viaRedirectKey` is an SQL boolean.
 * Parameters $1…$21 are fixed (admissionValues).
 */
function sessionAndLogCtes(viaRedirectKey: string): string {
  return `session AS (
       INSERT INTO end_user_sessions (id, tenant_id, end_user_id, token_hash, created_at, expires_at)
       SELECT gen_random_uuid(), $1::uuid, admitted.id, $11, $10, $12 FROM admitted
       RETURNING end_user_id
     ), logged AS (
       INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, email, external_id, jti, iss, aud, client_ip, user_agent, request_id, details)
       SELECT $1::uuid, $10, 'sso.login.succeeded', 'success', $3, $2::text, $13, $14, $15, $16, $17, $18,
              jsonb_strip_nulls(jsonb_build_object('iat', $19::bigint, 'exp', $20::bigint, 'via', $21::text,
                                 'viaRedirectKey', ${viaRedirectKey}, 'endUserId', session.end_user_id::text))
         FROM session
     )`;
}

/**
 * The statement that admits an existing user: update them from the token, start the session, log
 * the sign-in, all or nothing. It writes nothing for a suspended or unknown user. `gate` is an
 * extra condition (the claim's, when it runs in the same statement). A combined statement numbers
 * its own parameters from $22. Returns the CTE list; the caller adds its own SELECT.
 */
function admissionCtes(lookup: "external_id" | "email", gate: string, viaRedirectKey: string): string {
  // One statement per lookup instead of an OR of both: each gets its own index in a cached plan.
  const match = lookup === "external_id" ? "external_id = $2::text" : "email = $3";
  return `admitted AS (
       UPDATE end_users SET
         email = $3, name = $4,
         role = COALESCE($5::text::"EndUserRole", role),
         lang = COALESCE($6::text, lang),
         avatar_url = COALESCE($7::text, avatar_url),
         custom_fields = COALESCE($8::jsonb, custom_fields),
         groups = COALESCE($9::text[], groups),
         last_login_at = $10, updated_at = $10
       WHERE tenant_id = $1::uuid AND NOT suspended AND ${match} AND ${gate}
       RETURNING id
     ), ${sessionAndLogCtes(viaRedirectKey)}`;
}

/**
 * A timestamptz parameter as ISO 8601 in UTC. node-postgres would convert a Date itself through
 * local-time getters and a dozen string concatenations: measurably slower on the sign-in path, and
 * ~2 KB of garbage per value.
 */
function timestamptz(date: Date): string {
  return date.toISOString();
}

function admissionValues(tenantId: string, profile: EndUserProfile, now: Date, facts: Omit<SignInFacts, "viaRedirectKey">, session: SessionToStart): unknown[] {
  const { request } = session;
  return [
    tenantId, profile.externalId, profile.email, profile.name, profile.role, profile.lang, profile.avatarUrl,
    profile.customFields === null ? null : JSON.stringify(profile.customFields), profile.groups, timestamptz(now),
    session.tokenHash, timestamptz(session.expiresAt), facts.jti, facts.iss, facts.aud,
    request.clientIp, request.userAgent, request.requestId, facts.iat, facts.exp, facts.via ?? null,
  ];
}
function lookupOf(profile: EndUserProfile): "external_id" | "email" {
  return profile.externalId ? "external_id" : "email";
}

// Built once: a prepared statement's name must always come with the same text.
const ADMIT = {
  external_id: `WITH ${admissionCtes("external_id", "true", "$22::boolean")} SELECT end_user_id AS id FROM session`,
  email: `WITH ${admissionCtes("email", "true", "$22::boolean")} SELECT end_user_id AS id FROM session`,
};

/**
 * A new user: created from the token, their session started and the sign-in logged, in one
 * statement. Creates nothing when the email or external id is taken (a concurrent first login of
 * the same person won, or the email is someone else's): the caller then looks again.
 */
const CREATE_AND_ADMIT = `WITH admitted AS (
       INSERT INTO end_users (id, tenant_id, email, name, external_id, role, lang, avatar_url, custom_fields, groups,
                              first_login_at, last_login_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, $3, $4, $2::text, COALESCE($5::text, 'viewer')::"EndUserRole", $6::text, $7::text,
               COALESCE($8::jsonb, '{}'::jsonb), COALESCE($9::text[], ARRAY[]::text[]), $10, $10, $10, $10)
       ON CONFLICT DO NOTHING
       RETURNING id
     ), ${sessionAndLogCtes("$22::boolean")}
     SELECT end_user_id AS id FROM session`;

/**
 * Runs one of the admitting statements: "update" an existing user (ADMIT) or "create" a new one
 * (CREATE_AND_ADMIT), starting the session and logging the sign-in. The admitted user's id, or
 * null when it admitted nobody.
 */
async function admitAndStartSession(
  statement: "create" | "update",
  tenantId: string,
  profile: EndUserProfile,
  now: Date,
  facts: SignInFacts,
  session: SessionToStart,
): Promise<string | null> {
  const lookup = lookupOf(profile);
  const [name, text] = statement === "create" ? ["sign-in/create-and-admit", CREATE_AND_ADMIT] : [`sign-in/admit-by-${lookup}`, ADMIT[lookup]];
  const { rows } = await queryPipelined<{ id: string }>(name, text, [...admissionValues(tenantId, profile, now, facts, session), facts.viaRedirectKey]);
  return rows[0]?.id ?? null;
}

/**
 * Claims the jti (only while the configuration is the one verified with), marks the redirect key
 * used, and, when the checks signIn runs after the claim would pass, admits the user: one round
 * trip for a returning user. The `key` CTE reads the row as it was before this statement, so its
 * `used_at` tells whether an earlier request had used it.
 */
function claimStatement(lookup: "external_id" | "email"): string {
  // $22 config version, $23 jti key hash, $24 keep until, $25 browser binding hash, $26 key
  // required, $27 whether to try admitting at all.
  // `admissible` restates refusalAfterClaim in lib/sso/sign-in.ts, which still decides: a
  // disagreement is an error there, never a sign-in.
  return `WITH current_config AS (
       SELECT 1 FROM sso_configs WHERE tenant_id = $1::uuid AND config_version = $22::bigint AND enabled
     ), claimed AS (
       INSERT INTO used_token_ids (tenant_id, jti, expires_at)
       SELECT $1::uuid, $13::text, $24::timestamptz WHERE EXISTS (SELECT 1 FROM current_config)
       ON CONFLICT (tenant_id, jti) DO NOTHING
       RETURNING jti
     ), key AS (
       SELECT id, browser_binding, expires_at, used_at, return_to
         FROM redirect_keys WHERE tenant_id = $1::uuid AND key_hash = $23::text
     ), marked AS (
       UPDATE redirect_keys SET used_at = now()
        WHERE id IN (SELECT id FROM key) AND used_at IS NULL AND EXISTS (SELECT 1 FROM claimed)
       RETURNING id
     ), admissible AS (
       SELECT 1 WHERE $27::boolean AND EXISTS (SELECT 1 FROM claimed) AND CASE
         WHEN EXISTS (SELECT 1 FROM key)
           THEN EXISTS (SELECT 1 FROM key WHERE used_at IS NULL AND expires_at > $10 AND browser_binding = $25::text)
         ELSE NOT $26::boolean END
     ), ${admissionCtes(lookup, "EXISTS (SELECT 1 FROM admissible)", "EXISTS (SELECT 1 FROM key)")}
     SELECT EXISTS (SELECT 1 FROM current_config) AS current, EXISTS (SELECT 1 FROM claimed) AS claimed,
            key.browser_binding, key.expires_at, key.used_at, key.return_to,
            (SELECT end_user_id FROM session) AS admitted_id
       FROM (SELECT 1) AS one LEFT JOIN key ON true`;
}

const CLAIM = { external_id: claimStatement("external_id"), email: claimStatement("email") };

/**
 * @param configVersion the sso_configs.config_version the request's configuration was read at;
 * the token is only claimed while it is still current.
 */
export function createSignInStore(tenantId: string, configVersion: bigint, session: SessionToStart): SignInStore {
  const claim = async (jti: string, jtiKeyHash: string, keepUntil: Date, admission: EarlyAdmission, tryAdmission: boolean) => {
    const lookup = lookupOf(admission.profile);
    const { rows } = await queryPipelined<ClaimRow>(`sign-in/claim-and-admit-by-${lookup}`, CLAIM[lookup], [
      ...admissionValues(tenantId, admission.profile, admission.now, { ...admission.facts, jti }, session),
      String(configVersion), jtiKeyHash, timestamptz(keepUntil), admission.browserBindingHash, admission.requireRedirectKey, tryAdmission,
    ]);
    return rows[0]!;
  };

  // Set when the claim's statement tried to admit the user and matched nobody it could admit:
  // asking again with the same statement would only repeat that answer.
  let claimFoundNoUser = false;

  return {
    async claimTokenId(jti, jtiKeyHash, keepUntil, admission) {
      let row: ClaimRow;
      try {
        row = await claim(jti, jtiKeyHash, keepUntil, admission, true);
        claimFoundNoUser = row.admitted_id === null;
      } catch (error) {
        // The token's new email belongs to another user. The statement is atomic, so nothing was
        // claimed: claim alone, and let admitEndUser decide the conflict as for a new user.
        if (!isUniqueViolation(error)) throw error;
        row = await claim(jti, jtiKeyHash, keepUntil, admission, false);
      }
      if (!row.current) throw new StaleSignInContextError();
      const key: RedirectKeyState | null =
        row.browser_binding === null
          ? null
          : { browserBindingHash: row.browser_binding, expiresAt: row.expires_at!, previouslyUsedAt: row.used_at, returnTo: row.return_to };
      return { claimed: row.claimed, key, admittedEndUserId: row.admitted_id };
    },

    async admitEndUser(profile, now, facts) {
      // Admits a user the claim could not (new, suspended, or linking an email-only user to their
      // external id). provisionCarefully finds out which: it creates a new user with their session
      // in one statement, or links one, after which the admitting statement runs. Retried when a
      // concurrent first login of the same person wins the insert.
      // A new user's sign-in: claim, look up, create-and-admit: three statements.
      let admitFirst = !claimFoundNoUser;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (admitFirst) {
          try {
            const admitted = await admitAndStartSession("update", tenantId, profile, now, facts, session);
            if (admitted) return { status: "ready", endUserId: admitted };
          } catch (error) {
            if (isUniqueViolation(error)) return { status: "conflict" };
            throw error;
          }
        }
        admitFirst = true;
        const provisioned = await provisionCarefully(tenantId, profile, now, facts, session);
        if (provisioned?.status === "admitted") return { status: "ready", endUserId: provisioned.endUserId };
        if (provisioned && provisioned.status !== "ready") return provisioned;
      }
      return { status: "conflict" };
    },
  };
}

/**
 * "admitted": a new user was created and signed in. "ready": an existing user was linked and the
 * admitting statement comes next. null: a concurrent sign-in changed things; look again.
 */
async function provisionCarefully(
  tenantId: string,
  profile: EndUserProfile,
  now: Date,
  facts: SignInFacts,
  session: SessionToStart,
): Promise<ProvisionResult | { status: "admitted"; endUserId: string } | null> {
  const db = getDb();
  const candidates = await db.$queryRaw<UserRow[]>`
    SELECT id, email, external_id, suspended FROM end_users
     WHERE tenant_id = ${tenantId}::uuid AND (email = ${profile.email} OR (${profile.externalId}::text IS NOT NULL AND external_id = ${profile.externalId}::text))`;
  const byExternalId = profile.externalId ? candidates.find((user) => user.external_id === profile.externalId) : undefined;
  const byEmail = candidates.find((user) => user.email === profile.email);

  // The email belongs to someone else: another person with another external id.
  if (byExternalId && byEmail && byEmail.id !== byExternalId.id) return { status: "conflict" };
  if (!byExternalId && byEmail && profile.externalId && byEmail.external_id && byEmail.external_id !== profile.externalId) {
    return { status: "conflict" };
  }
  const target = byExternalId ?? byEmail;
  if (target?.suspended) return { status: "suspended", endUserId: target.id };

  if (target) {
    // Reached to link an email-only user to the token's external id (the admitting statement
    // matched nobody), which the admitting statement then updates from the token. Also reached when
    // a concurrent first login created the user after the claim looked: nothing is linked then,
    // and the admitting statement admits them as it would any returning user.
    try {
      const linked = await db.$queryRaw<{ id: string }[]>`
        UPDATE end_users SET external_id = ${profile.externalId}::text, updated_at = ${now}
         WHERE tenant_id = ${tenantId}::uuid AND id = ${target.id}::uuid AND NOT suspended AND external_id IS NULL
        RETURNING id`;
      return linked[0] ? { status: "ready", endUserId: linked[0].id } : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  const admitted = await admitAndStartSession("create", tenantId, profile, now, facts, session);
  return admitted ? { status: "admitted", endUserId: admitted } : null;
}
