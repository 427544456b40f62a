import "server-only";
import { env } from "@/lib/env";
import { clientIpFromForwardedFor } from "./client-ip";

/**
 * The client's address as this deployment sees it: X-Forwarded-For read with the configured number
 * of trusted proxies (TRUSTED_PROXY_HOPS; lib/http/client-ip.ts says why from the right). Null when
 * the header is missing or unreadable.
 */
export function configuredClientIp(forwardedFor: string | null | undefined): string | null {
  return clientIpFromForwardedFor(forwardedFor, env.TRUSTED_PROXY_HOPS);
}
