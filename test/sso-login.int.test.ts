// /sso/login writes a redirect key and sends the browser to the Login URL, on a page load only:
// an image or a prefetch pointing at it starts nothing. The real route handler against PostgreSQL.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/sso/login/route";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant();
  await sql(`UPDATE sso_configs SET login_url = 'https://app.example/login', updated_at = now() WHERE tenant_id = $1`, [tenant.id]);
});

async function start(headers: Record<string, string> = {}) {
  const request = new NextRequest(`http://${tenant.host}/sso/login?return_to=%2Farticles%2Fbilling`, { headers: { host: tenant.host, ...headers } });
  return GET(request);
}

async function keyCount(): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM redirect_keys WHERE tenant_id = $1`, [tenant.id]);
  return row!.n;
}

describe("GET /sso/login", () => {
  it.each([
    ["a browser's page load", { "sec-fetch-dest": "document" }],
    ["a help center embedded in a frame", { "sec-fetch-dest": "iframe" }],
    ["a client that names no destination", {}],
  ])(
    "%s: writes a key and redirects to the Login URL",
    async (_, headers) => {
      const before = await keyCount();
      const response = await start(headers);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(location.origin + location.pathname).toBe("https://app.example/login");
      expect(location.searchParams.get("return_to")).toBe(`http://${tenant.host}/articles/billing`);
      expect(await keyCount()).toBe(before + 1);
    },
  );

  it.each([
    ["Sec-Fetch-Dest: image", { "sec-fetch-dest": "image" }],
    ["Sec-Fetch-Dest: empty (a fetch, a router's prefetch)", { "sec-fetch-dest": "empty" }],
    ["Sec-Fetch-Dest: script", { "sec-fetch-dest": "script" }],
    ["a speculative prefetch of the page", { "sec-fetch-dest": "document", "sec-purpose": "prefetch" }],
    ["a speculative prerender of the page", { "sec-fetch-dest": "document", "sec-purpose": "prefetch;prerender" }],
  ])("%s: 403, no key written, no redirect", async (_, headers) => {
    const before = await keyCount();
    const response = await start(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(await keyCount()).toBe(before);
  });
});
