// Ready-to-copy code for a tenant's backend: mint the token in the Login URL handler and send the
// browser to /sso/jwt. Filled in with the tenant's own URL, issuer and audience. The Node example
// is run by a test against the real endpoint (e2e/integration-example.spec.ts).

export interface ExampleInput {
  helpCenterOrigin: string;
  issuer: string | null;
  audience: string | null;
}

export type ExampleLanguage = "node" | "php" | "ruby" | "python";

const quote = (value: string) => JSON.stringify(value);

export function integrationExample(language: ExampleLanguage, { helpCenterOrigin, issuer, audience }: ExampleInput): string {
  const endpoint = `${helpCenterOrigin}/sso/jwt`;
  switch (language) {
    case "node":
      return `// npm install jsonwebtoken
const crypto = require("node:crypto");
const jwt = require("jsonwebtoken");

// In your Login URL handler, once you know who the user is. \`key\` is the query parameter we sent.
function helpCenterSignInUrl(user, key) {
  const token = jwt.sign(
    { jti: key || crypto.randomUUID(), email: user.email, name: user.name, external_id: String(user.id) },
    process.env.GATEHOUSE_SSO_SECRET,
    { algorithm: "HS256", expiresIn: 120${issuer ? `, issuer: ${quote(issuer)}` : ""}${audience ? `, audience: ${quote(audience)}` : ""} },
  );
  return ${quote(endpoint)} + "?jwt=" + encodeURIComponent(token);
}

module.exports = { helpCenterSignInUrl };
`;
    case "php":
      return `<?php
// composer require firebase/php-jwt
use Firebase\\JWT\\JWT;

function helpCenterSignInUrl(array $user, ?string $key): string {
    $now = time();
    $claims = [
        'jti' => $key ?: bin2hex(random_bytes(16)),
        'iat' => $now,
        'exp' => $now + 120,
        'email' => $user['email'],
        'name' => $user['name'],
        'external_id' => (string) $user['id'],${issuer ? `\n        'iss' => ${quote(issuer)},` : ""}${audience ? `\n        'aud' => ${quote(audience)},` : ""}
    ];
    $token = JWT::encode($claims, getenv('GATEHOUSE_SSO_SECRET'), 'HS256');
    return ${quote(endpoint)} . '?jwt=' . urlencode($token);
}
`;
    case "ruby":
      return `# gem install jwt
require "jwt"
require "securerandom"
require "erb"

def help_center_sign_in_url(user, key)
  now = Time.now.to_i
  claims = {
    jti: key || SecureRandom.uuid,
    iat: now,
    exp: now + 120,
    email: user.email,
    name: user.name,
    external_id: user.id.to_s,${issuer ? `\n    iss: ${quote(issuer)},` : ""}${audience ? `\n    aud: ${quote(audience)},` : ""}
  }
  token = JWT.encode(claims, ENV.fetch("GATEHOUSE_SSO_SECRET"), "HS256")
  "${endpoint}?jwt=#{ERB::Util.url_encode(token)}"
end
`;
    case "python":
      return `# pip install PyJWT
import os, time, uuid
from urllib.parse import quote
import jwt

def help_center_sign_in_url(user, key=None):
    now = int(time.time())
    claims = {
        "jti": key or str(uuid.uuid4()),
        "iat": now,
        "exp": now + 120,
        "email": user.email,
        "name": user.name,
        "external_id": str(user.id),${issuer ? `\n        "iss": ${quote(issuer)},` : ""}${audience ? `\n        "aud": ${quote(audience)},` : ""}
    }
    token = jwt.encode(claims, os.environ["GATEHOUSE_SSO_SECRET"], algorithm="HS256")
    return ${quote(endpoint)} + "?jwt=" + quote(token)
`;
  }
}
