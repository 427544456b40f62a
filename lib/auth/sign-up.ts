import "server-only";
import { createAccountWithTenant, type SignUpConflict } from "@/lib/data/accounts";
import { countAttempt } from "@/lib/data/auth-throttles";
import { hashPassword } from "./password";
import { signUpSecondsUntilAllowed, signUpThrottleKey } from "./throttle-policy";

// Creating an account and its help center, for the sign-up form's action (which parses the form and
// reads the client's address). Apart from the action so the throttle is tested against the database.

export type SignUpOutcome = { ok: true } | { ok: false; conflict: SignUpConflict } | { ok: false; retryAfterSeconds: number };

export async function signUpAccount(
  input: { email: string; password: string; tenantName: string; subdomain: string },
  clientIp: string,
  now: Date = new Date(),
): Promise<SignUpOutcome> {
  // Counted before the password is hashed: the hash is the expensive part a loop would exploit.
  const retryAfterSeconds = signUpSecondsUntilAllowed(await countAttempt(signUpThrottleKey(clientIp), now), now);
  if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds };
  const created = await createAccountWithTenant({
    email: input.email,
    name: input.email.split("@")[0]!,
    passwordHash: await hashPassword(input.password),
    tenantName: input.tenantName,
    subdomain: input.subdomain,
  });
  return created.ok ? { ok: true } : { ok: false, conflict: created.conflict };
}
