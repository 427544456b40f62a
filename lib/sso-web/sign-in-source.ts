import "server-only";
import type { NextRequest } from "next/server";
import { headerHostname } from "@/lib/sso/allowed-domains";

// Where a sign-in request says it came from, for "Only accept sign-ins from these domains".

export function signInSource(request: NextRequest): { origin: string | null; referer: string | null } {
  return { origin: request.headers.get("origin"), referer: request.headers.get("referer") };
}

/** For the log: the hostnames only (a Referer's path and query may hold anything, tokens included). */
export function describeSource(request: NextRequest): string {
  const { origin, referer } = signInSource(request);
  const describe = (value: string | null) => (value === null ? "none" : (headerHostname(value) ?? "unreadable"));
  return `Origin: ${describe(origin)}, Referer: ${describe(referer)}`;
}
