import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { configuredClientIp } from "@/lib/http/configured-client-ip";

// Who is asking, for the event log and the error page's request id.

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RequestInfo {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

export function requestInfo(request: NextRequest): RequestInfo {
  const incoming = request.headers.get("x-request-id");
  return {
    requestId: incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID(),
    clientIp: configuredClientIp(request.headers.get("x-forwarded-for")),
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
