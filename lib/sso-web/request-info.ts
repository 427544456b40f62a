import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";

// Who is asking, for the event log and the error page's request id.

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RequestInfo {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

export function requestInfo(request: NextRequest): RequestInfo {
  const incoming = request.headers.get("x-request-id");
  // The first X-Forwarded-For hop is the client as the reverse proxy (or Next's server) saw it.
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip");
  return {
    requestId: incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID(),
    clientIp: forwarded ? forwarded.slice(0, 64) : null,
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
