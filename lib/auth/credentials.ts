import "server-only";
import { findUserForSignIn } from "@/lib/data/accounts";
import { clearThrottle, countAttempt, releaseAttempt } from "@/lib/data/auth-throttles";
import { hashPassword, verifyPassword } from "./password";
import { secondsUntilAllowed, throttleKey, WINDOW_SECONDS } from "./throttle-policy";

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
 * Over a limit it is refused unchecked, even with the right password.
 */
export async function checkCredentials(
  email: string,
  password: string,
  clientIp: string,
  now: Date = new Date(),
  trustedBrowserId: string | null = null,
) {
  const ipKey = throttleKey("ip", clientIp);
  const browserKey = trustedBrowserId ? throttleKey("browser", trustedBrowserId) : null;
  const [ip, browser] = await Promise.all([
    countAttempt(ipKey, now),
    browserKey ? countAttempt(browserKey, now, WINDOW_SECONDS.browser) : null,
  ]);
  // A trusted browser is kept out only by its own failures: what others send for the account does
  // not lock its owner out. One whose trust is spent (throttle-policy.ts) counts against the
  // account like any other browser, and so does every browser the account never signed in on.
  const trustedKey = browser !== null && secondsUntilAllowed("browser", browser, now) === 0 ? browserKey : null;
  const accountKey = throttleKey("account", email);
  const account = trustedKey ? null : await countAttempt(accountKey, now);
  if (secondsUntilAllowed("ip", ip, now) > 0 || (account && secondsUntilAllowed("account", account, now) > 0)) throw new TooManyAttempts();
  const user = await findUserForSignIn(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) return null; // the attempt stays counted: it failed
  // A trusted browser's failures are not cleared, only this attempt taken back: the sign-in gives the
  // browser a new cookie, with a new id and count, so clearing the old count would only give a copy
  // of the old cookie new tries.
  await Promise.all([trustedKey ? releaseAttempt(trustedKey) : clearThrottle(accountKey), releaseAttempt(ipKey)]);
  return { id: user.id, email: user.email, name: user.name };
}
