// Ready-to-copy code for a tenant's backend: mint the token in the Login URL handler and send the
// browser to /sso/jwt. Filled in with the tenant's own addresses, issuer and audience. The Node
// example is run by a test against the real endpoint (e2e/integration-example.spec.ts), and the
// Node and Python ones' choice of address by lib/sso/integration-examples.test.ts.
//
// Every example sends the token back to the help-center address the sign-in started on (the
// origin of the `return_to` we sent), because the key is bound to the browser on that host only:
// a help center with a custom domain is served at both addresses, and a token sent to the other
// one would be refused (key_mismatch). The address is only ever one of the listed ones, never
// whatever `return_to` says: a token sent to another host signs its holder in as the user.

export interface ExampleInput {
  /** The help center's origins, the one readers use first (e.g. its custom domain, then its subdomain). */
  helpCenterOrigins: readonly string[];
  issuer: string | null;
  audience: string | null;
}

export type ExampleLanguage = "node" | "php" | "ruby" | "python";

/** A double-quoted string literal that is also valid JavaScript and Python. */
const doubleQuoted = (value: string) => JSON.stringify(value);
/** A single-quoted PHP or Ruby literal: nothing in it is interpolated. */
const singleQuoted = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

const ORIGINS_COMMENT = "Your help center's addresses. A sign-in must come back to the one it started on; add your custom domain here (first) when you set one up.";
/** Where the function goes; `parameters` says which arguments hold our query parameters, in the language's own names. */
const handlerComment = (parameters: string) =>
  `In your Login URL handler, once you know who the user is. ${parameters} we sent (absent when the sign-in starts in your app).`;
const SAME_NAMES = "`key` and `return_to` are the query parameters";

export function integrationExample(language: ExampleLanguage, { helpCenterOrigins, issuer, audience }: ExampleInput): string {
  switch (language) {
    case "node":
      return `// npm install jsonwebtoken
const crypto = require("node:crypto");
const jwt = require("jsonwebtoken");

// ${ORIGINS_COMMENT}
const HELP_CENTER_ORIGINS = [${helpCenterOrigins.map(doubleQuoted).join(", ")}];

// ${handlerComment("`key` and `returnTo` are the `key` and `return_to` query parameters")}
function helpCenterSignInUrl(user, key, returnTo) {
  const token = jwt.sign(
    { jti: key || crypto.randomUUID(), email: user.email, name: user.name, external_id: String(user.id) },
    process.env.GATEHOUSE_SSO_SECRET,
    { algorithm: "HS256", expiresIn: 120${issuer ? `, issuer: ${doubleQuoted(issuer)}` : ""}${audience ? `, audience: ${doubleQuoted(audience)}` : ""} },
  );
  const url = new URL("/sso/jwt", helpCenterOrigin(returnTo));
  url.searchParams.set("jwt", token);
  if (returnTo) url.searchParams.set("return_to", returnTo);
  return url.href;
}

// The origin of returnTo when it is one of ours, else the first: never any other host.
function helpCenterOrigin(returnTo) {
  try {
    const origin = new URL(returnTo).origin;
    if (HELP_CENTER_ORIGINS.includes(origin)) return origin;
  } catch {}
  return HELP_CENTER_ORIGINS[0];
}

module.exports = { helpCenterSignInUrl };
`;
    case "php":
      return `<?php
// composer require firebase/php-jwt
require __DIR__ . '/vendor/autoload.php';
use Firebase\\JWT\\JWT;

// ${ORIGINS_COMMENT}
const HELP_CENTER_ORIGINS = [${helpCenterOrigins.map(singleQuoted).join(", ")}];

// ${handlerComment("$key and $returnTo are the `key` and `return_to` query parameters")}
function helpCenterSignInUrl(array $user, ?string $key, ?string $returnTo = null): string {
    $now = time();
    $claims = [
        'jti' => $key ?: bin2hex(random_bytes(16)),
        'iat' => $now,
        'exp' => $now + 120,
        'email' => $user['email'],
        'name' => $user['name'],
        'external_id' => (string) $user['id'],${issuer ? `\n        'iss' => ${singleQuoted(issuer)},` : ""}${audience ? `\n        'aud' => ${singleQuoted(audience)},` : ""}
    ];
    $token = JWT::encode($claims, getenv('GATEHOUSE_SSO_SECRET'), 'HS256');
    $query = ['jwt' => $token];
    if ($returnTo) $query['return_to'] = $returnTo;
    return helpCenterOrigin($returnTo) . '/sso/jwt?' . http_build_query($query);
}

// The origin of $returnTo when it is one of ours, else the first: never any other host.
function helpCenterOrigin(?string $returnTo): string {
    $parts = $returnTo ? parse_url($returnTo) : false;
    if ($parts && isset($parts['scheme'], $parts['host']) && !isset($parts['user'])) {
        $origin = strtolower($parts['scheme'] . '://' . $parts['host']) . (isset($parts['port']) ? ':' . $parts['port'] : '');
        if (in_array($origin, HELP_CENTER_ORIGINS, true)) return $origin;
    }
    return HELP_CENTER_ORIGINS[0];
}
`;
    case "ruby":
      return `# gem install jwt
require "jwt"
require "securerandom"
require "uri"

# ${ORIGINS_COMMENT}
HELP_CENTER_ORIGINS = [${helpCenterOrigins.map(singleQuoted).join(", ")}].freeze

# ${handlerComment(SAME_NAMES)}
def help_center_sign_in_url(user, key, return_to = nil)
  now = Time.now.to_i
  claims = {
    jti: key || SecureRandom.uuid,
    iat: now,
    exp: now + 120,
    email: user.email,
    name: user.name,
    external_id: user.id.to_s,${issuer ? `\n    iss: ${singleQuoted(issuer)},` : ""}${audience ? `\n    aud: ${singleQuoted(audience)},` : ""}
  }
  token = JWT.encode(claims, ENV.fetch("GATEHOUSE_SSO_SECRET"), "HS256")
  query = { jwt: token }
  query[:return_to] = return_to if return_to
  "#{help_center_origin(return_to)}/sso/jwt?#{URI.encode_www_form(query)}"
end

# The origin of return_to when it is one of ours, else the first: never any other host.
def help_center_origin(return_to)
  uri = URI.parse(return_to.to_s)
  origin = "#{uri.scheme}://#{uri.host}#{":#{uri.port}" unless uri.port == uri.default_port}".downcase
  uri.userinfo.nil? && HELP_CENTER_ORIGINS.include?(origin) ? origin : HELP_CENTER_ORIGINS.first
rescue URI::InvalidURIError
  HELP_CENTER_ORIGINS.first
end
`;
    case "python":
      return `# pip install PyJWT
import os, time, uuid
from urllib.parse import urlencode, urlsplit
import jwt

# ${ORIGINS_COMMENT}
HELP_CENTER_ORIGINS = [${helpCenterOrigins.map(doubleQuoted).join(", ")}]

# ${handlerComment(SAME_NAMES)}
def help_center_sign_in_url(user, key=None, return_to=None):
    now = int(time.time())
    claims = {
        "jti": key or str(uuid.uuid4()),
        "iat": now,
        "exp": now + 120,
        "email": user.email,
        "name": user.name,
        "external_id": str(user.id),${issuer ? `\n        "iss": ${doubleQuoted(issuer)},` : ""}${audience ? `\n        "aud": ${doubleQuoted(audience)},` : ""}
    }
    token = jwt.encode(claims, os.environ["GATEHOUSE_SSO_SECRET"], algorithm="HS256")
    query = {"jwt": token}
    if return_to:
        query["return_to"] = return_to
    return help_center_origin(return_to) + "/sso/jwt?" + urlencode(query)

# The origin of return_to when it is one of ours, else the first: never any other host.
def help_center_origin(return_to):
    try:
        parts = urlsplit(return_to or "")
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        if origin in HELP_CENTER_ORIGINS:
            return origin
    except ValueError:
        pass
    return HELP_CENTER_ORIGINS[0]
`;
  }
}

/**
 * The origins to list in the examples: where readers are sent first (the custom domain when it is
 * active), then the subdomain when that differs. Both serve the help center.
 */
export function exampleOrigins(primaryOrigin: string, subdomainOrigin: string): string[] {
  return primaryOrigin === subdomainOrigin ? [primaryOrigin] : [primaryOrigin, subdomainOrigin];
}
