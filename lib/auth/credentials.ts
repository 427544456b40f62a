import "server-only";
import { findUserForSignIn } from "@/lib/data/accounts";
import { clearThrottle, countAttempt, releaseAttempt } from "@/lib/data/auth-throttles";
import { hashPassword, verifyPassword } from "./password";
import { secondsUntilAllowed, throttleKey } from "./throttle-policy";

// Dashboard sign-in's password check. Errors never say whether an account exists: an unknown email
// costs the same hash check and gets the same answer as a wrong password, and both count towards
// the throttle.

// Checked when the email is unknown, so that the response takes as long as for a real account.
const dummyHash = hashPassword("not a real password, only there to spend the same time");

/** Thrown (next-auth shows its message's code) when the account or the address is over its limit. */
export class TooManyAttempts extends Error {
  constructor() {
    super("TooManyAttempts");
  }
}

/**
 * The user whose email and password these are, or null. Each attempt is counted before the password
 * is checked (see ThrottleState), per client address and either per account or, from a browser the
 * account signed in on before (`trustedBrowserId`, lib/auth/trusted-browser.ts), per that browser.
 * Over either limit it is refused unchecked, even with the right password.
 */
export async function checkCredentials(
  email: string,
  password: string,
  clientIp: string,
  now: Date = new Date(),
  trustedBrowserId: string | null = null,
) {
  // A trusted browser is kept out only by its own failures: what others send for the account does
  // not lock its owner out. The account's key still counts everything else, so guessing from new
  // browsers stays limited.
  const [kind, value] = trustedBrowserId ? (["browser", trustedBrowserId] as const) : (["account", email] as const);
  const attemptKey = throttleKey(kind, value);
  const ipKey = throttleKey("ip", clientIp);
  const [attempts, ip] = await Promise.all([countAttempt(attemptKey, now), countAttempt(ipKey, now)]);
  if (secondsUntilAllowed(kind, attempts, now) > 0 || secondsUntilAllowed("ip", ip, now) > 0) throw new TooManyAttempts();
  const user = await findUserForSignIn(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) return null; // the attempt stays counted: it failed
  await Promise.all([clearThrottle(attemptKey), releaseAttempt(ipKey)]);
  return { id: user.id, email: user.email, name: user.name };
}
