// The client's address from X-Forwarded-For. Pure.
//
// Each proxy appends the address it received the request from, so only the entries added by our
// own proxies can be trusted: the rightmost `trustedHops` of them, counted from the right. Anything
// further left was sent by the client and may be made up (taking the leftmost entry let anyone
// pick their own address, and so step around per-address limits). Without a proxy in front, Next
// puts the socket's address in the header when the client sent none.

const MAX_LENGTH = 64;

/** @param trustedHops the number of reverse proxies in front of the app (TRUSTED_PROXY_HOPS) */
export function clientIpFromForwardedFor(header: string | null | undefined, trustedHops: number): string | null {
  if (!header) return null;
  const hops = header.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer entries than proxies: the leftmost is the best we have, added by the outermost proxy.
  const entry = hops[Math.max(0, hops.length - Math.max(1, trustedHops))]!;
  return entry.slice(0, MAX_LENGTH);
}
