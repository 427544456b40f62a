// Whether a pasted shared secret is strong enough. Generated secrets (48 random bytes) always are;
// this refuses the short, famous and patterned values people paste from tutorials.

export const MIN_SECRET_LENGTH = 32;

// Values that circulate in JWT tutorials and examples, lower-cased.
const WELL_KNOWN = [
  "your-256-bit-secret",
  "your-secret-key",
  "secret",
  "secretkey",
  "changeme",
  "password",
  "supersecret",
  "mysecret",
  "jwt_secret",
  "jwtsecret",
  "shhhhh",
  "keyboard cat",
  "0123456789",
  "abcdefghijklmnopqrstuvwxyz",
];

function shannonBitsPerCharacter(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A sentence saying what is wrong with the secret, or null when it may be used. */
export function secretWeakness(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `Use at least ${MIN_SECRET_LENGTH} characters, or press Generate.`;
  if (secret.length > 512) return "Use at most 512 characters.";
  if (/[\u0000-\u001f\u007f]/.test(secret)) return "The secret contains control characters; paste it again without line breaks.";
  const lower = secret.toLowerCase();
  if (WELL_KNOWN.some((known) => lower.includes(known))) return "This secret appears in public examples. Generate a new one.";
  if (new Set(secret).size < 10) return "This secret uses too few different characters to be hard to guess. Generate a new one.";
  if (/^(.{1,16})\1+$/.test(secret)) return "This secret is a repeated pattern. Generate a new one.";
  if (shannonBitsPerCharacter(secret) < 3.5) return "This secret is too predictable. Generate a new one.";
  return null;
}
