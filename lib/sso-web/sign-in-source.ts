import "server-only";
import type { NextRequest } from "next/server";
import type { SignInSourceHeaders } from "@/lib/sso/sign-in-gate";

// Where a sign-in request says it came from, for "Only accept sign-ins from these domains"
// (judged by signInSourceRefusal in lib/sso/sign-in-gate.ts).

export function signInSource(request: NextRequest): SignInSourceHeaders {
  return { origin: request.headers.get("origin"), referer: request.headers.get("referer") };
}
