import type { NextRequest } from "next/server";
import { handleSsoLogin } from "@/lib/sso-web/login-endpoint";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return handleSsoLogin(request);
}
