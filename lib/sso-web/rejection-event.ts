import "server-only";
import { recordSsoEvent, type SsoEventType } from "@/lib/data/sso-events";
import { signatureWasVerified, type RejectionReason } from "@/lib/sso/reasons";
import { readUnverifiedToken } from "@/lib/sso/unverified-claims";
import type { SignInContext } from "@/lib/data/sign-in-context";
import type { RequestInfo } from "./request-info";

export interface TokenRejection {
  reason: RejectionReason;
  claim?: string;
  detail?: string;
}

/**
 * Whether "Only accept sign-ins from these domains" was on, for a sign-in's refusal: Logs then says
 * whether the origin check ran for it, instead of a ✓ for a check that may not have run.
 */
export function originRestriction(context: SignInContext): { originRestricted?: boolean } {
  return context.config ? { originRestricted: context.config.restrictSignInOrigins } : {};
}

/**
 * Logs a refused token the same way on every surface (/sso/jwt, the hc_jwt cookie flow, the
 * widget and read APIs): what could be read of it, marked verified or not, and of the request;
 * never the token, its signature or a secret.
 */
export async function recordTokenRejection(
  tenantId: string,
  eventType: Extract<SsoEventType, `${string}.rejected`>,
  rejection: TokenRejection,
  token: string | null,
  info: RequestInfo,
  extraDetails: Record<string, unknown> = {},
): Promise<void> {
  const unverified = readUnverifiedToken(token);
  await recordSsoEvent(tenantId, {
    eventType,
    outcome: "rejected",
    reasonCode: rejection.reason,
    // Lowercased like a signed-in user's email (profile-claims.ts), so support finds every event of
    // a person whatever case their token used.
    email: unverified.email?.toLowerCase(),
    externalId: unverified.externalId,
    jti: unverified.jti,
    iss: unverified.iss,
    aud: unverified.aud,
    ...info,
    details: {
      ...extraDetails,
      claim: rejection.claim,
      detail: rejection.detail,
      verified: token ? signatureWasVerified(rejection.reason) : undefined,
      header: token ? unverified.header : undefined,
      iat: unverified.iat,
      exp: unverified.exp,
      nbf: unverified.nbf,
    },
  });
}
