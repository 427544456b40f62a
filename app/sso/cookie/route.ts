import type { NextRequest } from "next/server";
import { handleSsoCookie } from "@/lib/sso-web/cookie-endpoint";

// The JWT cookie flow: the proxy sends page loads carrying an unhandled hc_jwt cookie here.
export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleSsoCookie(request);
}
