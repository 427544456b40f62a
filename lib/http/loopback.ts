// Which host names are this machine. Plain http is fine for them (local development), and the demo
// sign-in is served by default only there.

const LOOPBACK_HOSTNAME = /^(localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** A URL's `hostname` (IPv6 in brackets, as URL gives it) that names this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAME.test(hostname);
}
