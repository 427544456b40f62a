// The part of a client address that per-address limits count. Pure.
//
// An IPv6 user is handed at least a whole /64 (2^64 addresses) by their provider and can pick a
// new address from it for every request, so counting full IPv6 addresses would let anyone step
// around every per-address limit (sign-ups, failed dashboard sign-ins, unfinished SSO sign-ins).
// Limits count the /64 instead: the smallest block a provider hands one customer, so no two
// customers share a count. Many hand out a /56 or a /48, which still gives such a customer 256 to
// 65,536 counts; a coarser prefix would make neighbours share one. IPv4 addresses count as they
// are, and an IPv4 address written as IPv6 (::ffff:a.b.c.d) counts as that IPv4 address. Logs
// keep the full address.
import ipaddr from "ipaddr.js";

export function limitAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (!ipaddr.isValid(trimmed)) return trimmed;
  const parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const network = new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
