// Every way a sign-in can be refused, as one closed set of stable codes. Support staff search
// logs by these codes and tenants' docs refer to them: never rename one.

export const REJECTION_REASONS = [
  "sso_not_configured",
  "token_missing",
  "token_ambiguous",
  "token_too_large",
  "token_malformed",
  "alg_not_allowed",
  "unsupported_header",
  "bad_signature",
  "claims_malformed",
  "token_kind_mismatch",
  "missing_claim",
  "invalid_claim",
  "token_expired",
  "not_yet_valid",
  "iat_in_future",
  "token_too_old",
  "exp_too_far",
  "issuer_mismatch",
  "audience_mismatch",
  "jti_replayed",
  "key_expired",
  "key_mismatch",
  "key_required",
  "user_suspended",
  "user_conflict",
  // Added later: appended, so every older code keeps its position. (A new code also needs its
  // chart style in lib/logs/chart-layout.ts, which the type checker asks for.)
  "origin_not_allowed",
  "too_many_sign_in_starts",
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface ReasonDescription {
  /**
   * 400: the request is malformed; 401: the token does not authenticate; 403: refused by policy;
   * 429: too many requests from one address.
   */
  status: 400 | 401 | 403 | 429;
  /** For the visitor, in plain words. */
  title: string;
  /** What the site owner (the tenant's developers) should check. */
  ownerHint: string;
  /** A freshly minted token would succeed: worth one automatic trip back to the Login URL. */
  freshTokenFixes: boolean;
}

export const REASONS: Record<RejectionReason, ReasonDescription> = {
  sso_not_configured: {
    status: 403,
    title: "Sign-in is not set up for this help center yet.",
    ownerHint: "In Settings → Security → SSO: turn on JWT single sign-on, generate a shared secret and, for sign-ins that start at the help center, set the Login URL.",
    freshTokenFixes: false,
  },
  origin_not_allowed: {
    status: 403,
    title: "Sign-in is only accepted from this help center's own sites, and this request came from somewhere else.",
    ownerHint: "\"Only accept sign-ins from these domains\" is on, and the request's Origin or Referer is not one of the Allowed domains (Settings → Security → SSO). The event in Settings → Logs shows the Origin and Referer the request came with: add that site to the Allowed domains, or turn the restriction off.",
    freshTokenFixes: false,
  },
  too_many_sign_in_starts: {
    status: 429,
    title: "Too many sign-ins were started from your network in the last few minutes without being finished.",
    ownerHint: "Refused at the start of the sign-in (/sso/login), before your Login URL: one IP address has started many sign-ins in the last 10 minutes that never came back with a token. Usually a script, a crawler, or a loop between your Login URL and the help center; check that your Login URL sends every visitor back to /sso/jwt. Each start that is finished or 10 minutes old frees a place.",
    freshTokenFixes: false,
  },
  token_missing: {
    status: 400,
    title: "The sign-in link did not include a token.",
    ownerHint: "Send the browser to /sso/jwt with the token in the `jwt` query parameter or a POSTed `jwt` form field.",
    freshTokenFixes: false,
  },
  token_ambiguous: {
    status: 400,
    title: "The sign-in request carried more than one token.",
    ownerHint: "Send exactly one `jwt` value: in the query string or in the POST body, not both, and not twice.",
    freshTokenFixes: false,
  },
  token_too_large: {
    status: 400,
    title: "The sign-in token is too large.",
    ownerHint: "Tokens are limited to 8 KiB. Keep custom_fields and groups small.",
    freshTokenFixes: false,
  },
  token_malformed: {
    status: 400,
    title: "The sign-in token is not a valid JWT.",
    ownerHint: "The token must be a compact JWS: three base64url parts separated by dots, with a JSON header. Send the bare token: not cut short, not in quotes, without a \"Bearer \" prefix, and not a bytes value printed as b'…'.",
    freshTokenFixes: false,
  },
  alg_not_allowed: {
    status: 401,
    title: "The sign-in token uses a signing algorithm we do not accept.",
    ownerHint: "Sign tokens with HS256 (HMAC-SHA256) and the shared secret. Other algorithms, including \"none\", are refused.",
    freshTokenFixes: false,
  },
  unsupported_header: {
    status: 400,
    title: "The sign-in token has a header we do not support.",
    ownerHint: "Remove `crit` and `b64` from the JWT header; a plain {\"alg\":\"HS256\",\"typ\":\"JWT\"} header is all that is needed.",
    freshTokenFixes: false,
  },
  bad_signature: {
    status: 401,
    title: "The sign-in token's signature is not valid.",
    ownerHint: "The token was not signed with this help center's current shared secret. Use the secret exactly as shown, its characters as UTF-8 bytes: do not base64-decode it, and check that the variable holding it has no quotes or trailing newline. Was the shared secret regenerated? Copy the current one from Settings → Security → SSO.",
    freshTokenFixes: false,
  },
  claims_malformed: {
    status: 400,
    title: "The sign-in token's contents could not be read.",
    ownerHint: "The JWT payload must be a JSON object of claims.",
    freshTokenFixes: false,
  },
  token_kind_mismatch: {
    status: 401,
    title: "This token was made for a different use.",
    ownerHint: "Sign-in redirect tokens (/sso/jwt) carry no special header; widget and API tokens carry the JWT header typ \"gatehouse-widget+jwt\", hc_jwt cookie tokens \"gatehouse-cookie+jwt\". Mint each kind for its own use: one cannot stand in for another.",
    freshTokenFixes: false,
  },
  missing_claim: {
    status: 400,
    title: "The sign-in token is missing required information.",
    ownerHint: "Tokens must carry jti, iat, exp, email and name. The log entry names the missing claim.",
    freshTokenFixes: false,
  },
  invalid_claim: {
    status: 400,
    title: "The sign-in token contains a value we cannot accept.",
    ownerHint: "A claim has the wrong type or format (e.g. iat/exp as whole seconds, email a single address). The log entry names the claim.",
    freshTokenFixes: false,
  },
  token_expired: {
    status: 401,
    title: "The sign-in token has expired.",
    ownerHint: "Mint the token right before redirecting, with exp a few minutes ahead. If this keeps happening, check the signing server's clock.",
    freshTokenFixes: true,
  },
  not_yet_valid: {
    status: 401,
    title: "The sign-in token is not valid yet.",
    ownerHint: "The nbf claim is in the future. Check the signing server's clock (NTP), or leave nbf out.",
    freshTokenFixes: false,
  },
  iat_in_future: {
    status: 401,
    title: "The sign-in token was issued in the future.",
    ownerHint: "The iat claim is ahead of our clock by more than the allowed leeway: the signing server's clock is fast. Check its NTP, and that iat is in seconds, not milliseconds.",
    freshTokenFixes: false,
  },
  token_too_old: {
    status: 401,
    title: "The sign-in token is too old.",
    ownerHint: "The token was issued longer ago than the Token TTL allows. Mint it right before redirecting; a cached token will not do.",
    freshTokenFixes: true,
  },
  exp_too_far: {
    status: 401,
    title: "The sign-in token is valid for too long.",
    ownerHint: "exp may be at most 24 hours after iat, in seconds (not milliseconds).",
    freshTokenFixes: false,
  },
  issuer_mismatch: {
    status: 401,
    title: "The sign-in token comes from an issuer we do not expect.",
    ownerHint: "The iss claim must equal the Issuer set in Settings → Security → SSO.",
    freshTokenFixes: false,
  },
  audience_mismatch: {
    status: 401,
    title: "The sign-in token is meant for someone else.",
    ownerHint: "The aud claim must equal (or, as an array, contain) the Audience set in Settings → Security → SSO.",
    freshTokenFixes: false,
  },
  jti_replayed: {
    status: 401,
    title: "This sign-in link was already used.",
    ownerHint: "Each token may be used once. Mint a new token (new jti) for every sign-in; do not reuse or cache them.",
    freshTokenFixes: true,
  },
  key_expired: {
    status: 401,
    title: "The sign-in took too long.",
    ownerHint: "The key handed to your Login URL is valid for 10 minutes and once. Return the visitor with a token promptly.",
    freshTokenFixes: true,
  },
  key_mismatch: {
    status: 401,
    title: "This sign-in was started in a different browser.",
    ownerHint: "The token's jti is a key issued to another browser, or the token came back to another address of the help center than the one the sign-in started on (its custom domain against its subdomain). Use the key from the same request that reached your Login URL, and send the token to the host of its return_to.",
    freshTokenFixes: false,
  },
  key_required: {
    status: 403,
    title: "Sign-in must start at the help center.",
    ownerHint: "This help center only accepts tokens whose jti is the key it sent to your Login URL. Set jti to the `key` parameter. (The hc_jwt cookie never starts at the help center, so it is refused too.)",
    freshTokenFixes: false,
  },
  user_suspended: {
    status: 403,
    title: "Your access to this help center has been suspended.",
    ownerHint: "The user is suspended in Gatehouse. Lift the suspension in Dashboard → People if this is a mistake.",
    freshTokenFixes: false,
  },
  user_conflict: {
    status: 403,
    title: "Your account could not be matched.",
    ownerHint: "The token's email belongs to another user with a different external_id. Make external_id stable for each person.",
    freshTokenFixes: false,
  },
};

// Refused before the signature was checked: whatever the token says about itself is unverified.
const BEFORE_SIGNATURE: ReadonlySet<RejectionReason> = new Set([
  "sso_not_configured", "origin_not_allowed", "too_many_sign_in_starts", "token_missing", "token_ambiguous", "token_too_large", "token_malformed",
  "alg_not_allowed", "unsupported_header", "bad_signature",
]);

/** True when the token's signature had verified by the time this reason was decided. */
export function signatureWasVerified(reason: RejectionReason): boolean {
  return !BEFORE_SIGNATURE.has(reason);
}
