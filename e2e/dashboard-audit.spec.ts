// Settings → Audit: who changed what, told in words rather than JSON; filtered by the part of the
// dashboard it happened in, paged by keyset (newest first, 50 a page), exported as CSV with the same
// filter; owners and admins only. Entries come from real changes made in the dashboard, or are
// written straight into audit_entries when a test needs more than a page of them.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { env } from "@/lib/env";
import { sqlOnce } from "@/test/support/sql";
import { createMember, signInToDashboard } from "./support/dashboard-users";
import { createTenant, type TestTenant } from "./support/tenants";

interface SeededEntry {
  id: string;
  action: string;
  /** the action's name on the page and in the export */
  label: string;
  details: Record<string, unknown>;
  occurredAt: Date;
  actorEmail: string;
  /** text that only this entry's row shows */
  marker: string;
}

function entry(action: string, label: string, occurredAt: Date, actorEmail: string, details: Record<string, unknown>, marker: string): SeededEntry {
  return { id: randomUUID(), action, label, details, occurredAt, actorEmail, marker };
}

async function insertAuditEntries(tenantId: string, entries: SeededEntry[]): Promise<void> {
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const row of entries) {
      await client.query(
        `INSERT INTO audit_entries (id, tenant_id, actor_user_id, actor_email, action, details, occurred_at) VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
        [row.id, tenantId, row.actorEmail, row.action, JSON.stringify(row.details), row.occurredAt],
      );
    }
  } finally {
    await client.end();
  }
}

/** The order the Audit page promises: newest first, and among entries of one millisecond, by id (descending). */
function newestFirst(entries: SeededEntry[]): SeededEntry[] {
  return [...entries].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * 58 entries: 55 article edits ("Content"), 2 member entries and a visibility change. Seventeen of
 * them (16 edits and a removed member) share one millisecond, and that group straddles the end of
 * the first page both unfiltered (rows 42–58) and filtered by Content (rows 40–55): only the id
 * tells them apart, so a cursor on the time alone would skip or repeat some.
 */
function seededTrail(tenant: TestTenant, actorEmail: string): { all: SeededEntry[]; content: SeededEntry[] } {
  const base = Math.floor((Date.now() - 3600_000) / 1000) * 1000;
  const tie = new Date(base - 45_000 + 123);
  const invited = `invited-${tenant.subdomain}@example.com`;
  const removed = `removed-${tenant.subdomain}@example.com`;
  const content = Array.from({ length: 55 }, (_, index) => {
    const n = index + 1;
    const title = `Article ${pad(n)}`;
    return entry("content.article.updated", "Edited an article", n < 40 ? new Date(base - n * 1000) : tie, actorEmail, { id: randomUUID(), slug: `article-${pad(n)}`, title }, title);
  });
  const all = [
    entry("member.invited", "Invited a member", new Date(base + 2000), actorEmail, { email: invited, role: "support" }, invited),
    entry("tenant.visibility.changed", "Changed visibility", new Date(base + 1000), actorEmail, { visibility: "private" }, "Changed visibility"),
    ...content,
    entry("member.removed", "Removed a member", tie, actorEmail, { email: removed, role: "editor", userId: randomUUID() }, removed),
  ];
  return { all: newestFirst(all), content: newestFirst(content) };
}

/** A pattern matching `text` as written. */
function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

/** One pattern per row, in order: toHaveText then checks the row count and each row's entry. */
const shows = (entries: SeededEntry[]) => entries.map((seeded) => literally(seeded.marker));

const rows = (page: Page) => page.locator("tbody tr");

/** A row's details as "Label: value" lines, in the order shown. */
async function detailLines(row: Locator): Promise<string[]> {
  const labels = await row.locator("dt").allTextContents();
  const values = await row.locator("dd").allTextContents();
  return labels.map((label, index) => `${label}: ${values[index]}`);
}

/** The `yyyy-mm-ddTHHMM` (UTC) an export taken at `date` names its file with. */
function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(":", "");
}

async function exportCsv(page: Page): Promise<{ filename: string; text: string; taken: { before: string; after: string } }> {
  const before = fileStamp(new Date());
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const text = await readFile(await download.path(), "utf8");
  return { filename: download.suggestedFilename(), text, taken: { before, after: fileStamp(new Date()) } };
}

const CSV_HEADER = "occurred_at,actor_email,action,action_label,details";

test("an admin changes a member's role and the Login URL, and the audit tells both in words: who, the member, previous role, and only the setting that changed, from what to what", async ({ page }) => {
  const tenant = await createTenant({
    prefix: "audit-words",
    sso: { loginUrl: "https://app.example.com/login", issuer: "https://app.example.com", audience: "help-center", tokenTtlSeconds: 120 },
  });
  const admin = await createMember(tenant.id, "admin");
  const agent = await createMember(tenant.id, "support");
  const [agentUser] = await sqlOnce<{ id: string }>(env.TEST_DATABASE_URL!, `SELECT id FROM users WHERE email = $1`, [agent.email]);
  await signInToDashboard(page, admin.email);

  await page.goto(`/dashboard/${tenant.subdomain}/settings/members`);
  const agentRow = page.getByRole("listitem").filter({ hasText: agent.email });
  await agentRow.getByLabel(`Role of ${agent.email}`, { exact: true }).selectOption("editor");
  await agentRow.getByRole("button", { name: "Change role" }).click();
  await expect(agentRow.getByRole("status")).toHaveText("Role changed.");

  await page.goto(`/dashboard/${tenant.subdomain}/settings/security/sso`);
  await page.getByLabel("Login URL", { exact: true }).fill("https://app.example.com/sso/start");
  await page.getByRole("button", { name: "Apply JWT Settings" }).click();
  await expect(page.getByText("JWT settings saved.")).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  await expect(rows(page)).toHaveText([/Changed JWT settings/, /Changed a member's role/]);

  const jwtRow = rows(page).nth(0);
  await expect(jwtRow).toContainText(admin.email);
  // Only what changed: the issuer, audience, TTL and the rest were saved unchanged and are not told.
  // What it was, then what it became.
  await expect.poll(() => detailLines(jwtRow)).toEqual(["Login URL: https://app.example.com/login → https://app.example.com/sso/start"]);
  await expect(jwtRow.locator("dd").filter({ hasText: "https://app.example.com/sso/start" })).toHaveClass(/font-mono/);
  for (const unchanged of ["Issuer", "Audience", "Token TTL", "Clock skew leeway", "Session length", "Logout URL"]) {
    await expect(jwtRow.locator("dt").filter({ hasText: unchanged })).toHaveCount(0);
  }

  const roleRow = rows(page).nth(1);
  await expect(roleRow).toContainText(admin.email);
  // In a fixed order (jsonb keeps its own), the role as one change.
  await expect.poll(() => detailLines(roleRow)).toEqual([`Email: ${agent.email}`, "Role: support → editor", `Member ID: ${agentUser!.id}`]);

  // Words, not JSON.
  await expect(page.locator("tbody")).not.toContainText('{"');
  await expect(page.locator("tbody")).not.toContainText('"loginUrl"');
  await expect(page.locator("tbody")).not.toContainText("previousRole");
});

test("filtering by area: Members shows only member entries and says so in the URL, Clear shows everything, an area with nothing says so", async ({ page }) => {
  const tenant = await createTenant({ prefix: "audit-filter" });
  const admin = await createMember(tenant.id, "owner");
  await signInToDashboard(page, admin.email);
  const audit = `/dashboard/${tenant.subdomain}/settings/audit`;

  await page.goto(audit);
  await expect(page.getByText("Nothing has changed yet.", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(0);

  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const invited = `new-${tenant.subdomain}@example.com`;
  const promoted = `promoted-${tenant.subdomain}@example.com`;
  await insertAuditEntries(tenant.id, [
    entry("tenant.settings.updated", "Changed general settings", at(50), admin.email, { changed: ["name"], name: "Acme Help" }, "Acme Help"),
    entry("member.invited", "Invited a member", at(40), admin.email, { email: invited, role: "support" }, invited),
    entry("sso.enabled", "Turned SSO on", at(30), admin.email, {}, "Turned SSO on"),
    entry("member.role_changed", "Changed a member's role", at(20), admin.email, { email: promoted, previousRole: "support", role: "admin", userId: randomUUID() }, promoted),
    entry("content.article.created", "Created an article", at(10), admin.email, { id: randomUUID(), slug: "welcome", title: "Welcome" }, "Welcome"),
  ]);
  await page.reload();
  await expect(rows(page)).toHaveText([/Created an article/, /Changed a member's role/, /Turned SSO on/, /Invited a member/, /Changed general settings/]);
  await expect(page.getByRole("link", { name: "Clear" })).toHaveCount(0);

  const area = page.getByLabel("Area", { exact: true });
  await expect(area).toHaveValue("");
  await expect(area.locator("option")).toHaveText(["Everything", "General", "Security → SSO", "Members", "Content", "Requests", "People"]);
  await area.selectOption({ label: "Members" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.pathname === audit && url.searchParams.get("area") === "members");
  await expect(rows(page)).toHaveText([new RegExp(`Changed a member's role.*${literally(promoted).source}`), new RegExp(`Invited a member.*${literally(invited).source}`)]);
  await expect(area).toHaveValue("members");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `${audit}/export?area=members`);

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL((url) => url.pathname === audit && url.search === "");
  await expect(rows(page)).toHaveCount(5);
  await expect(area).toHaveValue("");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `${audit}/export`);

  await area.selectOption({ label: "People" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("area") === "people");
  await expect(page.getByText("Nothing in People yet.", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link")).toHaveCount(0);
});

/** A help center whose trail holds seededTrail's 58 entries, and its admin signed in to the dashboard. */
async function signedInAdminWithTrail(page: Page, prefix: string) {
  const tenant = await createTenant({ prefix });
  const admin = await createMember(tenant.id, "admin");
  const trail = seededTrail(tenant, admin.email);
  await insertAuditEntries(tenant.id, trail.all);
  await signInToDashboard(page, admin.email);
  return { tenant, admin, trail };
}

test("paging: 50 entries a page, Older entries shows the rest with none skipped or repeated across same-millisecond ties, Newest goes back, with and without a filter", async ({ page }) => {
  const { tenant, admin, trail } = await signedInAdminWithTrail(page, "audit-pages");
  const audit = `/dashboard/${tenant.subdomain}/settings/audit`;
  const pages = page.getByRole("navigation", { name: "Pages" });

  await page.goto(audit);
  await expect(rows(page)).toHaveText(shows(trail.all.slice(0, 50)));
  await expect(pages.getByRole("link")).toHaveText(["Older entries"]);
  await expect(page).toHaveTitle("Audit · Gatehouse");
  const results = page.getByRole("region", { name: "Audit entries" });
  await expect(results).not.toBeFocused();

  // Someone changes something while the admin reads page 1: page 2 neither shifts nor repeats.
  const late = entry("member.invited", "Invited a member", new Date(), admin.email, { email: `late-${tenant.subdomain}@example.com`, role: "editor" }, `late-${tenant.subdomain}@example.com`);
  await insertAuditEntries(tenant.id, [late]);

  await pages.getByRole("link", { name: "Older entries" }).click();
  await expect(page).toHaveURL((url) => url.pathname === audit && url.searchParams.has("cursor") && !url.searchParams.has("area"));
  await expect(rows(page)).toHaveText(shows(trail.all.slice(50)));
  await expect(pages.getByRole("link")).toHaveText(["Newest"]);
  // The reader carries on from the new page's entries, not from a link that is gone; the tab says where.
  await expect(results).toBeFocused();
  await expect(page).toHaveTitle("Audit (older entries) · Gatehouse");

  await pages.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL((url) => url.pathname === audit && url.search === "");
  await expect(rows(page)).toHaveText(shows([late, ...trail.all.slice(0, 49)]));
  await expect(results).toBeFocused();
  await expect(page).toHaveTitle("Audit · Gatehouse");

  // Content only: 55 entries, the page boundary again inside the group of ties; the filter stays.
  await page.goto(`${audit}?area=content`);
  await expect(rows(page)).toHaveText(shows(trail.content.slice(0, 50)));
  await pages.getByRole("link", { name: "Older entries" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("area") === "content" && url.searchParams.has("cursor"));
  await expect(rows(page)).toHaveText(shows(trail.content.slice(50)));
  await expect(page.getByLabel("Area", { exact: true })).toHaveValue("content");
  await expect(pages.getByRole("link")).toHaveText(["Newest"]);
  await expect(page).toHaveTitle("Audit: Content (older entries) · Gatehouse");
  await pages.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL((url) => url.pathname === audit && url.searchParams.get("area") === "content" && !url.searchParams.has("cursor"));
  await expect(rows(page)).toHaveText(shows(trail.content.slice(0, 50)));
  await expect(page).toHaveTitle("Audit: Content · Gatehouse");
});

test("Export CSV downloads every matching entry, not one page: everything, then only Content, each named after the help center, the area and the time", async ({ page }) => {
  const { tenant, trail } = await signedInAdminWithTrail(page, "audit-export");
  await page.goto(`/dashboard/${tenant.subdomain}/settings/audit`);
  await expect(rows(page)).toHaveCount(50);

  const expectFile = (text: string, expected: SeededEntry[]) => {
    expect(text.startsWith(`${CSV_HEADER}\n`)).toBe(true);
    const records = parse(text) as string[][];
    expect(records[0]).toEqual(CSV_HEADER.split(","));
    expect(records).toHaveLength(1 + expected.length);
    expect(records.slice(1).map((record) => ({ ...record, 4: JSON.parse(record[4]!) as unknown }))).toEqual(
      expected.map((seeded) => ({ 0: seeded.occurredAt.toISOString(), 1: seeded.actorEmail, 2: seeded.action, 3: seeded.label, 4: seeded.details })),
    );
  };

  const everything = await exportCsv(page);
  const stamp = /^gatehouse-audit-(.+)-(\d{4}-\d{2}-\d{2}T\d{4})\.csv$/;
  expect(everything.filename).toMatch(stamp);
  const [, kind, taken] = everything.filename.match(stamp)!;
  expect(kind).toBe(tenant.subdomain);
  expect(taken! >= everything.taken.before && taken! <= everything.taken.after).toBe(true);
  expect(trail.all.length).toBe(58);
  expectFile(everything.text, trail.all);

  await page.getByLabel("Area", { exact: true }).selectOption({ label: "Content" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]area=content/);
  await expect(rows(page)).toHaveCount(50);
  const content = await exportCsv(page);
  expect(content.filename).toMatch(new RegExp(`^gatehouse-audit-${tenant.subdomain}-content-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.csv$`));
  expect(trail.content.length).toBe(55);
  expectFile(content.text, trail.content);
  expect(content.text).not.toContain("member.");
  expect(content.text).not.toContain("tenant.visibility.changed");
});

test("a support member gets 403 for the Audit page and for its export, with or without a filter, and sees none of it", async ({ page }) => {
  const tenant = await createTenant({ prefix: "audit-support" });
  const support = await createMember(tenant.id, "support");
  const secretish = `hidden-${tenant.subdomain}@example.com`;
  await insertAuditEntries(tenant.id, [entry("member.invited", "Invited a member", new Date(), "owner@example.com", { email: secretish, role: "admin" }, secretish)]);
  const audit = `/dashboard/${tenant.subdomain}/settings/audit`;

  await signInToDashboard(page, support.email);
  await page.goto(`/dashboard/${tenant.subdomain}`);
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
  const response = await page.goto(`${audit}?area=members`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(secretish);

  for (const url of [`${audit}/export`, `${audit}/export?area=members`]) {
    const exported = await page.request.get(url);
    expect(exported.status(), url).toBe(403);
    const text = await exported.text();
    expect(text).not.toContain(secretish);
    expect(text).not.toContain("occurred_at");
  }
});
