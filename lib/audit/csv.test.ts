import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRows } from "./csv";

describe("audit CSV", () => {
  it("writes one row per entry, details as JSON, quoting what needs it", () => {
    const text = auditCsvHeader() + auditCsvRows([
      { occurredAt: new Date("2026-11-21T10:00:00.5Z"), actorEmail: "ada@example.com", action: "content.article.updated", details: { title: 'Say "hi", then go', changed: ["body"] } },
      { occurredAt: new Date("2026-11-21T09:00:00Z"), actorEmail: null, action: "billing.plan_changed", details: {} },
    ]);
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows[1]).toEqual(["2026-11-21T10:00:00.500Z", "ada@example.com", "content.article.updated", "Edited an article", '{"title":"Say \\"hi\\", then go","changed":["body"]}']);
    expect(rows[2]).toEqual(["2026-11-21T09:00:00.000Z", "", "billing.plan_changed", "billing.plan_changed", "{}"]);
  });

  it("defuses an actor email that a spreadsheet would run as a formula", () => {
    const rows = parse(auditCsvRows([{ occurredAt: new Date(0), actorEmail: "=cmd@example.com", action: "member.joined", details: {} }])) as string[][];
    expect(rows[0]?.[1]).toBe("'=cmd@example.com");
  });
});
