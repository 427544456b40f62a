// What each role finds in the dashboard: the menu shows only what the role may open, and every
// page answers 403 to a role that may not, whatever the menu says.
import { expect, test } from "@playwright/test";
import { createMember, signInToDashboard } from "./support/dashboard-users";
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
