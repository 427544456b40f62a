import "server-only";
import { hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { issueTrustedBrowser, readTrustedBrowser, TRUSTED_BROWSER_DAYS } from "./trusted-browser";

// The trusted-browser cookie of the dashboard's host (see trusted-browser.ts for why it exists).
// Read and set from inside next-auth's credentials check, which runs in its route handler: Next
// adds cookies set there to the handler's response.

const SECURE = new URL(env.APP_URL).protocol === "https:";
// On https the __Host- prefix makes the browser keep it to this host, Path=/ and Secure.
const COOKIE_NAME = `${SECURE ? "__Host-" : ""}gatehouse_trusted_browser`;

let signingKey: Uint8Array | undefined;

/** A key of its own, derived from the sessions' secret, so one never stands in for the other. */
function key(): Uint8Array {
  signingKey ??= new Uint8Array(hkdfSync("sha256", authSecret(), "", "gatehouse trusted-browser cookie v1", 32));
  return signingKey;
}

/** The id of this browser when it has signed in to this account before, else null. */
export async function trustedBrowserOfRequest(email: string, now: Date): Promise<string | null> {
  const jar = await cookies();
  return readTrustedBrowser(jar.get(COOKIE_NAME)?.value, email, key(), now);
}

/** Marks this browser as one the account signed in on (a fresh id and period on every sign-in). */
export async function trustThisBrowser(email: string, now: Date): Promise<void> {
  const { value } = await issueTrustedBrowser(email, key(), now);
  const jar = await cookies();
  jar.set(COOKIE_NAME, value, {
    httpOnly: true,
    secure: SECURE,
    // Strict: only the sign-in form, on this same site, ever needs it.
    sameSite: "strict",
    path: "/",
    maxAge: TRUSTED_BROWSER_DAYS * 24 * 60 * 60,
  });
}
