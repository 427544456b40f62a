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
 * is checked (see ThrottleState): from a browser the account signed in on before
 * (`trustedBrowserId`, lib/auth/trusted-browser.ts), against that browser's own limit only; from
 * any other, against the account's and the client address's. Over a limit it is refused
 * unchecked, even with the right password.
 */
export async function checkCredentials(
  email: string,
  password: string,
  clientIp: string,
  now: Date = new Date(),
  trustedBrowserId: string | null = null,
) {
  const browserKey = trustedBrowserId ? throttleKey("browser", trustedBrowserId) : null;
  const browser = browserKey ? await countAttempt(browserKey, now, WINDOW_SECONDS.browser) : null;
  // A trusted browser is kept out only by its own failures: neither what others send for the
  // account nor what others behind the same address send (an office's NAT, a shared /64) locks its
  // owner out. Its limit is stricter than both, and only its account's owner holds it. One whose
  // trust is spent (throttle-policy.ts) counts like any other browser.
  const trustedKey = browser !== null && secondsUntilAllowed("browser", browser, now) === 0 ? browserKey : null;
  const accountKey = throttleKey("account", email);
  const ipKey = throttleKey("ip", clientIp);
  if (!trustedKey) {
    const [account, ip] = await Promise.all([countAttempt(accountKey, now), countAttempt(ipKey, now)]);
    if (secondsUntilAllowed("account", account, now) > 0 || secondsUntilAllowed("ip", ip, now) > 0) throw new TooManyAttempts();
  }
  const user = await findUserForSignIn(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) return null; // the attempt stays counted: it failed
  // A trusted browser's failures are not cleared, only this attempt taken back: the sign-in gives the
  // browser a new cookie, with a new id and count, so clearing the old count would only give a copy
  // of the old cookie new tries.
  await (trustedKey ? releaseAttempt(trustedKey) : Promise.all([clearThrottle(accountKey), releaseAttempt(ipKey)]));
  return { id: user.id, email: user.email, name: user.name };
}
