import { env } from "@/lib/env";
import { loadOrCreateKeyFile } from "@/lib/runtime/key-file";

/** The key that signs dashboard sessions: AUTH_SECRET, or one generated once into DATA_DIR. */
export function authSecret(): string {
  return env.AUTH_SECRET ?? loadOrCreateKeyFile(env.DATA_DIR, "auth-secret", 32).toString("base64url");
}
