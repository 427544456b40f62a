import { loadOrCreateKeyFile } from "@/lib/runtime/key-file";
import { env } from "@/lib/env";

let cached: Buffer | undefined;

/**
 * The AES-256-GCM key for secrets at rest: SECRET_ENCRYPTION_KEY when set, else a key generated
 * once into DATA_DIR/encryption.key (the embedded default). Losing that file makes stored SSO
 * secrets unreadable, so the README tells operators to set the variable in production.
 */
export function secretEncryptionKey(): Buffer {
  if (!cached) {
    cached = env.SECRET_ENCRYPTION_KEY
      ? Buffer.from(env.SECRET_ENCRYPTION_KEY, "base64")
      : loadOrCreateKeyFile(env.DATA_DIR, "encryption.key", 32);
  }
  return cached;
}
