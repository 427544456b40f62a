import "server-only";
import { NextResponse } from "next/server";

// Every /sso/* response: never cached, never leaks its URL (which may hold a token) as a
// Referer, and names its request id so support can find the log entry.
export function ssoHeaders(requestId: string): Record<string, string> {
  return { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Request-Id": requestId };
}

export function htmlResponse(html: string, status: number, requestId: string): NextResponse {
  return new NextResponse(html, { status, headers: { ...ssoHeaders(requestId), "Content-Type": "text/html; charset=utf-8" } });
}

export function redirectResponse(location: string, status: 302 | 303 | 307, requestId: string): NextResponse {
  return new NextResponse(null, { status, headers: { ...ssoHeaders(requestId), Location: location } });
}

const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body style="font-family:system-ui,sans-serif;text-align:center;padding:4rem 1rem"><h1>Page not found</h1><p>There is nothing at this address. Check the link, or ask whoever sent it.</p></body></html>';

export function notFoundResponse(requestId: string): NextResponse {
  return htmlResponse(NOT_FOUND_HTML, 404, requestId);
}

/** 405 for a method the endpoint does not take, naming the ones it does. */
export function methodNotAllowedResponse(allow: string, requestId: string): NextResponse {
  return new NextResponse(null, { status: 405, headers: { ...ssoHeaders(requestId), Allow: allow } });
}
