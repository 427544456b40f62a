// What each role finds in the dashboard: the menu shows only what the role may open, and every
// page answers 403 to a role that may not, whatever the menu says.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { asNewMember, createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant } from "./support/tenants";

const pages = {
  content: "content",
  requests: "requests",
  people: "people",
  general: "settings/general",
  sso: "settings/security/sso",
  members: "settings/members",
  logs: "settings/logs",
  audit: "settings/audit",
} as const;

const allowed: Record<"admin" | "support" | "editor", (keyof typeof pages)[]> = {
  admin: ["content", "requests", "people", "general", "sso", "members", "logs", "audit"],
  support: ["requests", "people", "logs"],
  editor: ["content"],
};

for (const role of ["admin", "support", "editor"] as const) {
  test(`a ${role} sees and opens exactly the pages of the role`, async ({ page }) => {
    const tenant = await createTenant({ prefix: `role-${role}` });
    const member = await createMember(tenant.id, role);
    await signInToDashboard(page, member.email);
    await page.goto(`/dashboard/${tenant.subdomain}`);
    const nav = page.getByRole("navigation", { name: "Dashboard" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const response = await page.goto(`/dashboard/${tenant.subdomain}/${path}`);
      expect(response?.status(), `${role} → ${path}`).toBe(allowed[role].includes(name) ? 200 : 403);
    }
    await page.goto(`/dashboard/${tenant.subdomain}`);
    await expect(nav.getByRole("link")).toHaveCount(1 + allowed[role].length);
  });
}

test("a request, a person and a log event are titled by what they show, and a member the page refuses learns none of it from the title", async ({ page, browser }) => {
  const tenant = await createTenant({ prefix: "titles" });
  const other = await createTenant({ prefix: "titles-other" });
  const sql = <T extends Record<string, unknown>>(text: string, values: unknown[]) => sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);
  const [personId, requestId] = [randomUUID(), randomUUID()];
  await sql(`INSERT INTO end_users (id, tenant_id, email, name, updated_at) VALUES ($1, $2, 'tess.title@example.com', 'Tess Title', now())`, [personId, tenant.id]);
  await sql(`INSERT INTO support_requests (id, tenant_id, end_user_id, subject, message, updated_at) VALUES ($1, $2, $3, 'Invoice address is wrong', 'Please fix it.', now())`, [
    requestId, tenant.id, personId,
  ]);
  const occurredAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
  const [event] = await sql<{ id: string }>(
    `INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email) VALUES ($1, $2, 'sso.redirect_flow.rejected', 'rejected', 'bad_signature', 'tess.title@example.com') RETURNING id::text AS id`,
    [tenant.id, occurredAt],
  );
  const when = `${occurredAt.toISOString().replace("T", " ").slice(0, 19)} UTC`;
  const titled = [
    { path: `requests/${requestId}`, title: "Invoice address is wrong · Requests · Gatehouse" },
    { path: `people/${personId}`, title: "Tess Title · People · Gatehouse" },
    { path: `settings/logs/${event!.id}`, title: `Rejected (sign-in redirect), ${when} · Logs · Gatehouse` },
  ];

  const support = await createMember(tenant.id, "support");
  await signInToDashboard(page, support.email);
  for (const { path, title } of titled) {
    await page.goto(`/dashboard/${tenant.subdomain}/${path}`);
    await expect(page).toHaveTitle(title);
  }
  // An id that is not there: the title says so, and nothing else.
  await page.goto(`/dashboard/${tenant.subdomain}/people/${randomUUID()}`);
  await expect(page).toHaveTitle("Not found · Gatehouse");

  // The same addresses opened by an editor of this help center (403) and an admin of another one
  // (404, with this tenant's subdomain): nothing the page would show is in what they get.
  const refusals = [
    { role: "editor" as const, tenantId: tenant.id, status: 403 },
    { role: "admin" as const, tenantId: other.id, status: 404 },
  ];
  for (const { role, tenantId, status } of refusals) {
    await asNewMember(browser, tenantId, role, async (refused) => {
      for (const { path } of titled) {
        const response = await refused.goto(`/dashboard/${tenant.subdomain}/${path}`);
        expect(response?.status(), `${role} → ${path}`).toBe(status);
        const html = await response!.text();
        for (const secret of ["Invoice address", "Tess Title", "tess.title@example.com", "Rejected (sign-in redirect)"]) expect(html, `${role} → ${path}`).not.toContain(secret);
        expect(await refused.title()).not.toMatch(/Invoice|Tess|Rejected|Requests|People|Logs/);
      }
    });
  }
});
