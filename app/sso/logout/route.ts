import type { NextRequest } from "next/server";
import { handleSsoLogout } from "@/lib/sso-web/logout-endpoint";

export const dynamic = "force-dynamic";

// POST from the help center's "Sign out" button; GET for links from the tenant's own app.
export function GET(request: NextRequest) {
  return handleSsoLogout(request);
}

export function POST(request: NextRequest) {
  return handleSsoLogout(request);
}
