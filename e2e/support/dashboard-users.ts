// Dashboard users and memberships written straight into the run's database, for role and
// cross-tenant specs; and signing in through the real sign-in page.
import { randomBytes, randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";

export const TEST_PASSWORD = "correct horse battery staple";

function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return sqlOnce<T>(env.TEST_DATABASE_URL!, text, values);
}

export async function createMember(tenantId: string, role: "owner" | "admin" | "support" | "editor"): Promise<{ email: string }> {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.com`;
  const userId = randomUUID();
  await sql(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, $4, now())`, [userId, email, role, await hashPassword(TEST_PASSWORD)]);
  await sql(`INSERT INTO memberships (id, tenant_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, $3)`, [tenantId, userId, role]);
  return { email };
}

export async function signInToDashboard(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
}

/**
 * A new member of `role`, signed in to the dashboard in a browser context of their own (closed
 * afterwards): for specs that check what someone else may not do.
 */
export async function asNewMember(browser: Browser, tenantId: string, role: "owner" | "admin" | "support" | "editor", act: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const member = await createMember(tenantId, role);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInToDashboard(page, member.email);
    await act(page, context);
  } finally {
    await context.close();
  }
}

export async function ssoConfigRow(tenantId: string) {
  const rows = await sql<{ login_url: string | null; secret_ciphertext: string | null; enabled: boolean; token_ttl_seconds: number; session_lifetime_seconds: number }>(
    `SELECT login_url, secret_ciphertext, enabled, token_ttl_seconds, session_lifetime_seconds FROM sso_configs WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows[0] ?? null;
}

export async function tenantIdOf(subdomain: string): Promise<string> {
  const rows = await sql<{ id: string }>(`SELECT id FROM tenants WHERE subdomain = $1`, [subdomain]);
  return rows[0]!.id;
}

export async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>(`SELECT action FROM audit_entries WHERE tenant_id = $1 ORDER BY occurred_at`, [tenantId]);
  return rows.map((row) => row.action);
}
