"use server";

import { revalidatePath } from "next/cache";
import { memberAction, submittedTextFields, type ActionState } from "@/lib/auth/member-action";
import { SETTINGS_ROLES } from "@/lib/auth/require-member";
import { recordAudit, type AuditEntry } from "@/lib/data/audit";
import { revokeEndUserSessions } from "@/lib/data/end-user-sessions";
import {
  findSsoSettings, readSharedSecret, readTokenSetupWithSecret, saveAllowedDomains, saveJwtSettings, setSsoEnabled, storeSharedSecret,
  type JwtSettingsUpdate,
} from "@/lib/data/sso-config";
import { recordProviderInterest, setTenantVisibility } from "@/lib/data/tenants";
import { findTokenIdState } from "@/lib/data/used-token-ids";
import { generateSharedSecret, mintSsoToken } from "@/lib/sso/mint-token";
import { sessionLengthMinutesOf, sessionLifetimeSecondsFor } from "@/lib/sso/session-length";
import type { SsoSettingsField } from "@/lib/sso/settings-schema";
import { checkToken, type TokenCheckReport } from "@/lib/sso/token-check";
import type { TokenKind } from "@/lib/sso/verify-token";
import {
  allowedDomainsSchema, confirmSchema, mintTokenSchema, providerSchema, ssoSettingsSchema, testTokenSchema, toggleSchema, visibilitySchema,
  type AllowedDomainsField, type MintTokenField, type TestTokenField,
} from "./schemas";
import { JWT_SECTION } from "./jwt-section";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";

// Settings → Security → SSO. Every action: owners and admins of the tenant named by `subdomain`
// only (memberAction re-checks session, membership and role), audited, never logging a secret.

const page = (subdomain: string) => `/dashboard/${subdomain}/settings/security/sso`;

/**
 * Said after a change that succeeded while SSO is switched off: saving settings or a secret does
 * not turn it on, and a new admin who never saw the switch would otherwise think they were done.
 */
const STILL_OFF = " SSO is still off: turn it on with the switch at the top of this page when your backend is ready.";

function withOffHint(message: string, ssoEnabled: boolean | undefined): string {
  return ssoEnabled ? message : message + STILL_OFF;
}

/** What the settings held before, as the form names them and in its units (minutes, not seconds). */
function asFormNames({ sessionLifetimeSeconds, ...rest }: Partial<JwtSettingsUpdate>): Record<string, unknown> {
  return sessionLifetimeSeconds === undefined ? rest : { ...rest, sessionLengthMinutes: sessionLengthMinutesOf(sessionLifetimeSeconds) };
}

export const applyJwtSettings = memberAction<typeof ssoSettingsSchema, SsoSettingsField>(SETTINGS_ROLES, ssoSettingsSchema, async (input, member, form) => {
  const { sharedSecret, sessionLengthMinutes, ...settings } = input;
  const before = await findSsoSettings(member.tenant.id);
  const update: JwtSettingsUpdate = {
    loginUrl: settings.loginUrl ?? null,
    logoutUrl: settings.logoutUrl ?? null,
    issuer: settings.issuer ?? null,
    audience: settings.audience ?? null,
    tokenTtlSeconds: settings.tokenTtlSeconds,
    clockSkewSeconds: settings.clockSkewSeconds,
    requireRedirectKey: settings.requireRedirectKey,
    sessionLifetimeSeconds: sessionLifetimeSecondsFor(sessionLengthMinutes, before?.sessionLifetimeSeconds ?? null),
  };
  const saved = await saveJwtSettings(member.tenant.id, update, {
    secret: sharedSecret,
    audit: {
      actor: member,
      describe: (result) =>
        !result.ok
          ? null
          : [
              ...(result.secret ? [{ action: "sso.secret.pasted" } satisfies AuditEntry] : []),
              ...(result.changed.length > 0
                ? [
                    {
                      action: "sso.settings.updated",
                      details: {
                        // Named as the form names them, in the unit the admin typed.
                        changed: result.changed.map((field) => (field === "sessionLifetimeSeconds" ? "sessionLengthMinutes" : field)),
                        ...settings,
                        loginUrl: settings.loginUrl ?? null,
                        sessionLengthMinutes,
                        previous: asFormNames(result.previous),
                      },
                    } satisfies AuditEntry,
                  ]
                : []),
            ],
    },
  });
  if (!saved.ok) {
    // Nothing was saved, the pasted secret included: the admin fixes this and applies again. A
    // secret is never sent back to the page, so they are told to paste it again.
    return {
      fieldErrors: { loginUrl: "This help center is private, and its readers start signing in at the Login URL. Make it public first (Visibility, below), or keep a Login URL." },
      message: sharedSecret ? "Nothing was saved, not even the secret you pasted: fix this, paste the secret again and apply." : FIELDS_NEED_ATTENTION,
      values: submittedTextFields(form),
    };
  }
  const { changed } = saved;
  revalidatePath(page(member.tenant.subdomain));
  const enabled = before?.enabled;
  if (saved.secret) {
    return {
      ok: true,
      message: saved.secret.replaced
        ? withOffHint("JWT settings saved. The shared secret was replaced: the old one no longer works, so update your backend now.", enabled)
        : withOffHint("JWT settings saved, with your shared secret.", enabled),
    };
  }
  if (changed.includes("loginUrl") && !settings.loginUrl) {
    return { ok: true, message: withOffHint("JWT settings saved. Without a Login URL the help center offers no Sign in; tokens still work for the widget and the API.", enabled) };
  }
  return { ok: true, message: withOffHint(changed.length ? "JWT settings saved." : "Nothing changed.", enabled) };
});

/** Generate (first time) or Regenerate: the old secret stops working at once. */
export const generateSecret = memberAction(SETTINGS_ROLES, confirmSchema, async (_input, member): Promise<ActionState & { secret?: string }> => {
  const secret = generateSharedSecret();
  const stored = await storeSharedSecret(member.tenant.id, secret, {
    audit: { actor: member, describe: ({ replaced }) => ({ action: replaced ? "sso.secret.regenerated" : "sso.secret.generated" }) },
  });
  revalidatePath(page(member.tenant.subdomain));
  const enabled = (await findSsoSettings(member.tenant.id))?.enabled;
  return {
    ok: true,
    secret,
    message: stored.replaced
      ? withOffHint("New secret generated. The old one no longer works. Readers already signed in stay signed in until you sign everyone out (Sessions, below).", enabled)
      : withOffHint("Secret generated.", enabled),
  };
});

/**
 * Ends every help-center session of the tenant: after a leaked secret, tokens signed with it stop
 * working at Regenerate, but the sessions they already started would last their full length.
 */
export const signOutEveryone = memberAction(SETTINGS_ROLES, confirmSchema, async (_input, member) => {
  const ended = await revokeEndUserSessions(member.tenant.id, {
    // Like every other action, one that changed nothing leaves no audit entry.
    audit: { actor: member, describe: (sessionsEnded) => (sessionsEnded > 0 ? { action: "sso.sessions.ended_all", details: { sessionsEnded } } : null) },
  });
  if (ended === 0) return { ok: true, message: "Nobody was signed in." };
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: `Signed everyone out: ${ended === 1 ? "1 session" : `${ended} sessions`} ended. Readers sign in again with a new token.` };
});

export const revealSecret = memberAction(SETTINGS_ROLES, confirmSchema, async (_input, member): Promise<ActionState & { secret?: string }> => {
  const secret = await readSharedSecret(member.tenant.id);
  if (!secret) return { message: "There is no secret yet. Press Generate." };
  await recordAudit(member.tenant.id, member, "sso.secret.revealed");
  return { ok: true, secret };
});

export const toggleSso = memberAction(SETTINGS_ROLES, toggleSchema, async ({ enabled }, member) => {
  const switched = await setSsoEnabled(member.tenant.id, enabled, {
    actor: member,
    describe: (result) => (result.ok ? { action: enabled ? "sso.enabled" : "sso.disabled" } : null),
  });
  if (!switched.ok) {
    return {
      message: switched.reason === "no_secret"
        ? `Generate a shared secret under ${JWT_SECTION} below first, then turn SSO on.`
        : "This help center is private: make it public first, or nobody could sign in to it.",
    };
  }
  revalidatePath(page(member.tenant.subdomain));
  if (!enabled) return { ok: true, message: "SSO is off." };
  const settings = await findSsoSettings(member.tenant.id);
  return {
    ok: true,
    message: settings?.loginUrl
      ? "SSO is on."
      : "SSO is on for the widget and the API. Set a Login URL so readers can sign in at the help center too.",
  };
});

export const setVisibility = memberAction(SETTINGS_ROLES, visibilitySchema, async ({ visibility }, member) => {
  const changed = await setTenantVisibility(member.tenant.id, visibility, {
    actor: member,
    describe: (result) => (result.ok ? { action: "tenant.visibility.changed", details: { visibility } } : null),
  });
  if (!changed.ok) {
    // Name only what is missing: an admin with SSO on for the widget needs just the Login URL.
    const settings = await findSsoSettings(member.tenant.id);
    const missing = [
      !settings?.loginUrl && "set the Login URL",
      !settings?.hasSecret && "generate a shared secret",
      !settings?.enabled && "turn SSO on",
    ].filter((step) => step !== false);
    const visibilityError = missing.length
      ? `Every visitor of a private help center signs in at your Login URL first: ${joinSteps(missing)}, then make it private.`
      : "The sign-in settings changed while you saved: save again.";
    // The choice stays selected beside the refusal (React resets the form to what this returns).
    return { fieldErrors: { visibility: visibilityError }, values: { visibility } };
  }
  revalidatePath(page(member.tenant.subdomain));
  return { ok: true, message: visibility === "private" ? "The help center is private." : "The help center is public." };
});

/** "a, b and c" */
function joinSteps(steps: string[]): string {
  return steps.length <= 1 ? (steps[0] ?? "") : `${steps.slice(0, -1).join(", ")} and ${steps.at(-1)}`;
}

export const notifyMe = memberAction(SETTINGS_ROLES, providerSchema, async ({ provider }, member) => {
  await recordProviderInterest(member.tenant.id, member.userId, provider);
  return { ok: true, message: "We'll let you know" };
});

export const applyAllowedDomains = memberAction<typeof allowedDomainsSchema, AllowedDomainsField>(SETTINGS_ROLES, allowedDomainsSchema, async (input, member) => {
  const { changed } = await saveAllowedDomains(member.tenant.id, input, {
    actor: member,
    describe: (saved) => (saved.changed.length > 0 ? { action: "sso.allowed_domains.updated", details: { changed: saved.changed, ...input, previous: saved.previous } } : null),
  });
  revalidatePath(page(member.tenant.subdomain));
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  const count = input.allowedDomains.length;
  return { ok: true, message: `Allowed domains saved: ${count === 0 ? "none" : count === 1 ? "1 domain" : `${count} domains`}.` };
});

export type TestTokenState = ActionState<TestTokenField> & { report?: TokenCheckReport };

/**
 * Runs the sign-in checks on a pasted token against the current settings and secret, read-only:
 * the jti is looked up, never claimed; no user, session or sso_events row is written. The token
 * comes in the POST body and is not sent back; the report holds no signature and no secret.
 */
export const testToken = memberAction(SETTINGS_ROLES, testTokenSchema, async ({ token, kind }, member): Promise<TestTokenState> => {
  const tenantId = member.tenant.id;
  const report = await checkToken({
    token,
    kind,
    now: new Date(),
    config: await readTokenSetupWithSecret(tenantId),
    lookUpTokenId: (jti) => findTokenIdState(tenantId, jti),
  });
  return { ok: true, report };
});

export type MintTokenState = ActionState<MintTokenField> & { token?: string; kind?: TokenKind };

/** A real token, signed with the tenant's secret, valid for the Token TTL. Audited without the token. */
export const mintTestToken = memberAction(SETTINGS_ROLES, mintTokenSchema, async (input, member): Promise<MintTokenState> => {
  // Sent back either way, so the form keeps them for the next token (React resets forms).
  const values = { email: input.email, name: input.name, role: input.role, groups: input.groups.join(", "), kind: input.kind };
  const setup = await readTokenSetupWithSecret(member.tenant.id);
  if (!setup?.secret) return { message: `There is no shared secret yet: generate one under ${JWT_SECTION} above, then mint a token.`, values };
  const claims = {
    email: input.email,
    name: input.name,
    role: input.role,
    // Left out when empty: `groups: []` would clear the person's groups at their next sign-in.
    ...(input.groups.length > 0 ? { groups: input.groups } : {}),
    ...(setup.issuer ? { iss: setup.issuer } : {}),
    ...(setup.audience ? { aud: setup.audience } : {}),
  };
  const token = await mintSsoToken(setup.secret, claims, new Date(), setup.tokenTtlSeconds, input.kind);
  await recordAudit(member.tenant.id, member, "sso.test_token_minted", { email: input.email, kind: input.kind });
  return { ok: true, token, kind: input.kind, values, message: `Test token minted for ${input.email}, valid for ${setup.tokenTtlSeconds} s.` };
});
