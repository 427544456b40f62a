// POST /sso/jwt: the token as a form field, and bodies that must not be read whole (a chunked
// body announces no length). The real route handler against PostgreSQL.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/sso/jwt/route";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { REASONS } from "@/lib/sso/reasons";
import { createApiTenant, lastEvent, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
});

const redirectToken = () => mintSsoToken(tenant.secret, { email: "poster@example.com", name: "Poster", jti: randomUUID() });

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>, query = ""): Promise<Response> {
  const request = new NextRequest(`http://${tenant.host}/sso/jwt${query}`, {
    method: "POST",
    headers: { host: tenant.host, ...headers },
    body,
    // A stream body needs this (Node's fetch); harmless for the others.
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  return POST(request);
}

/** A body of `size` bytes sent in chunks without a Content-Length, counting what was pulled. */
function chunkedBody(size: number) {
  const chunk = new TextEncoder().encode(`jwt=${"x".repeat(16 * 1024 - 4)}`);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe("POST /sso/jwt", () => {
  it("signs in with the token as a form field", async () => {
    const response = await post(new URLSearchParams({ jwt: await redirectToken() }).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/gh_session=/);
  });

  it("reads the form whatever the case of its media type (media types are case-insensitive)", async () => {
    const response = await post(new URLSearchParams({ jwt: await redirectToken() }).toString(), { "content-type": "Application/X-WWW-Form-URLEncoded; Charset=UTF-8" });
    expect(response.status).toBe(303);
    // A multipart body: the boundary is case-sensitive, so it must reach the parser as sent.
    const boundary = "GatehouseBoundaryAbC";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="jwt"\r\n\r\n${await redirectToken()}\r\n--${boundary}--\r\n`;
    expect((await post(body, { "content-type": `Multipart/Form-Data; boundary=${boundary}` })).status).toBe(303);
  });

  it("refuses a token in both the query and the form as token_ambiguous", async () => {
    const response = await post(new URLSearchParams({ jwt: await redirectToken() }).toString(), { "content-type": "application/x-www-form-urlencoded" }, `?jwt=${await redirectToken()}`);
    expect(response.status).toBe(400);
    expect(await lastEvent(tenant.id)).toMatchObject({ event_type: "sso.redirect_flow.rejected", reason_code: "token_ambiguous" });
  });

  it("refuses a body announced as over 64 KiB without reading it (token_too_large)", async () => {
    const response = await post("jwt=x", { "content-type": "application/x-www-form-urlencoded", "content-length": String(65 * 1024) });
    expect(response.status).toBe(REASONS.token_too_large.status);
    expect(await lastEvent(tenant.id)).toMatchObject({ reason_code: "token_too_large" });
  });

  it("judges the token at the time its body arrived, not when the request started", async () => {
    // Valid for one second (the tenant allows no clock skew); the form arrives over two seconds later.
    const token = await mintSsoToken(tenant.secret, { email: "slow@example.com", name: "Slow Poster", jti: randomUUID() }, new Date(), 1);
    const form = new TextEncoder().encode(new URLSearchParams({ jwt: token }).toString());
    const slowBody = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 2200));
        controller.enqueue(form);
        controller.close();
      },
    });
    const response = await post(slowBody, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(REASONS.token_expired.status);
    expect(await lastEvent(tenant.id)).toMatchObject({ reason_code: "token_expired", email: "slow@example.com" });
  });

  it("stops reading a chunked body (no Content-Length) once it passes 64 KiB (token_too_large)", async () => {
    const body = chunkedBody(50 * 1024 * 1024);
    const response = await post(body.stream, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(REASONS.token_too_large.status);
    expect(body.pulled()).toBeLessThan(200 * 1024);
    expect(await lastEvent(tenant.id)).toMatchObject({ reason_code: "token_too_large" });
  });
});
