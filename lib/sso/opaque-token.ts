// Random values we hand out (redirect keys, browser bindings, session cookies) and the hashes we
// store instead of them.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 192 random bits as 32 base64url characters. */
export function generateOpaqueToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashOpaqueToken(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
