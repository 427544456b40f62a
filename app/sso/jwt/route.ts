import type { NextRequest } from "next/server";
import { handleSsoJwt } from "@/lib/sso-web/jwt-endpoint";

// GET ?jwt=… or POST form field `jwt` (keeps the token out of URLs and history).
export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleSsoJwt(request);
}

export function POST(request: NextRequest) {
  return handleSsoJwt(request);
}
