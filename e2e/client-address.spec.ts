// The address Gatehouse logs (and limits by) is the one the request came from, not one the client
// wrote into X-Forwarded-For. `next start` alone kept a client's own header when served directly;
// scripts/serve.ts appends the socket's peer, and the rightmost entry wins (TRUSTED_PROXY_HOPS 0).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { LOGIN_URL } from "./support/customer-backend";
import { createTenant, ssoEvents } from "./support/tenants";

test("a made-up X-Forwarded-For does not become the logged client address", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "xff",
    visibility: "private",
    categories: [{ slug: "basics", title: "Basics", articles: [] }],
    sso: { loginUrl: LOGIN_URL },
  });
  // A page on the help center's origin that needs no session, to send the request from.
  await page.goto(`${tenant.origin}/sso/logout`);
  const requestId = `xff-${randomUUID()}`;
  const status = await page.evaluate(
    async ({ requestId }) => {
      const response = await fetch("/sso/jwt?jwt=not-a-token", {
        headers: { "X-Forwarded-For": "6.6.6.6, 7.7.7.7", "X-Request-Id": requestId },
        redirect: "manual",
      });
      return response.status;
    },
    { requestId },
  );
  expect(status).toBe(400);

  const event = (await ssoEvents(tenant)).find((row) => row.request_id === requestId);
  expect(event?.reason_code).toBe("token_malformed");
  expect(["127.0.0.1", "::1"]).toContain(event?.client_ip);
});
