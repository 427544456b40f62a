import type { NextRequest } from "next/server";
import { headNotAllowedResponse } from "@/lib/sso-web/responses";
import { handleSsoCookie } from "@/lib/sso-web/cookie-endpoint";

// The JWT cookie flow: the proxy sends page loads carrying an unhandled hc_jwt cookie here.
export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleSsoCookie(request);
}

// Without this, Next would answer HEAD by running GET (see headNotAllowedResponse).
export function HEAD() {
  return headNotAllowedResponse("GET");
}
