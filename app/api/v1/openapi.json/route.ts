import { NextResponse } from "next/server";
import { OPENAPI_DOCUMENT } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the read API's description. Public (it holds no tenant data) and the
// same on every host, so API tools anywhere may fetch it.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(OPENAPI_DOCUMENT, {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
