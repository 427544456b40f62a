// What a refused sign-in leaves in the log for support: the email as a signed-in user's would be
// stored (lowercase), so a search finds every event of that person whatever case the token used.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/sso/jwt/route";
import { searchSsoEvents } from "@/lib/data/sso-event-queries";
import { sqlOnce } from "@/test/support/sql";
import { testDatabaseUrl } from "@/test/support/test-database-url";
import { createApiTenant, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
});

describe("a refused sign-in's log entry", () => {
  it("keeps the token's email in lowercase, found by a search in any case", async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ jti: randomUUID(), iat: now, exp: now + 60, email: "Mixed.Case@Example.COM", name: "Mixed" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("not the tenant's secret, but long enough"));
    const response = await GET(new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${forged}`, { headers: { host: tenant.host } }));
    expect(response.status).toBe(401);

    const window = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    for (const typed of ["mixed.case@example.com", "Mixed.Case@Example.COM", "MIXED.CASE@EXAMPLE.COM"]) {
      const { events } = await searchSsoEvents(tenant.id, { q: typed }, window);
      expect(events.map((event) => [event.email, event.reasonCode])).toEqual([["mixed.case@example.com", "bad_signature"]]);
    }
  });

  it("records whether sign-ins were restricted to the allowed domains, so Logs does not claim an origin check that did not run", async () => {
    const refuseOne = async () => {
      const requestId = `origin-${randomUUID()}`;
      const response = await GET(new NextRequest(`http://${tenant.host}/sso/jwt?jwt=not-a-token`, { headers: { host: tenant.host, "x-request-id": requestId } }));
      expect(response.status).toBe(400);
      const rows = await sqlOnce<{ restricted: boolean | null }>(testDatabaseUrl(), `SELECT (details->>'originRestricted')::boolean AS restricted FROM sso_events WHERE tenant_id = $1 AND request_id = $2`, [tenant.id, requestId]);
      return rows.map((row) => row.restricted);
    };
    expect(await refuseOne()).toEqual([false]);
    await sqlOnce(testDatabaseUrl(), `UPDATE sso_configs SET allowed_domains = '{app.example.com}', restrict_sign_in_origins = true, updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
    expect(await refuseOne()).toEqual([true]);
  });
});
