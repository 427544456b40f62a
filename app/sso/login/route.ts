import type { NextRequest } from "next/server";
import { headNotAllowedResponse } from "@/lib/sso-web/responses";
import { handleSsoLogin } from "@/lib/sso-web/login-endpoint";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleSsoLogin(request);
}

// Without this, Next would answer HEAD by running GET (see headNotAllowedResponse).
export function HEAD() {
  return headNotAllowedResponse("GET");
}
