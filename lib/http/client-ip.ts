// The client's address from X-Forwarded-For. Pure.
//
// Gatehouse's own server (scripts/serve.ts) appends the address of the socket it accepted each
// request on, so the rightmost entry is always the immediate peer, which no client can choose. Each
// reverse proxy in front appends the address it received the request from in the same way, so the
// client is `proxies` entries left of that one. Anything further left was sent by the client and may
// be made up: taking it would let anyone pick their own address for the log and step around
// per-address limits. (`next start` alone only fills the header when the client sent none, which is
// why Gatehouse runs behind its own server.)

const MAX_LENGTH = 64;

/** @param proxies the number of reverse proxies in front of the app (TRUSTED_PROXY_HOPS) */
export function clientIpFromForwardedFor(header: string | null | undefined, proxies: number): string | null {
  if (!header) return null;
  const hops = header.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer entries than proxies: the leftmost is the best we have, added by the outermost proxy.
  const entry = hops[Math.max(0, hops.length - 1 - Math.max(0, proxies))]!;
  return entry.slice(0, MAX_LENGTH);
}

/**
 * The X-Forwarded-For to hand to the app: what arrived (from a proxy, or made up by the client)
 * with the socket's peer address appended, as a proxy would append it.
 */
export function withPeerAddress(header: string | string[] | undefined, peer: string | undefined): string | undefined {
  const arrived = (Array.isArray(header) ? header.join(", ") : header)?.trim();
  if (!peer) return arrived || undefined;
  // An IPv4 client on a dual-stack socket reads as ::ffff:a.b.c.d: log it as people write it.
  const address = peer.startsWith("::ffff:") && peer.includes(".") ? peer.slice("::ffff:".length) : peer;
  return arrived ? `${arrived}, ${address}` : address;
}
