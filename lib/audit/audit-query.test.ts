import { describe, expect, it } from "vitest";
import { actionsInArea, AUDIT_ACTIONS, AUDIT_AREAS, auditActionLabel } from "./audit-actions";
import { auditQueryString, decodeAuditCursor, encodeAuditCursor, parseAuditQuery } from "./audit-query";

const cursor = { occurredAt: new Date("2026-11-21T10:00:00.123Z"), id: "0b5a6d1e-3c2f-4a8b-9e7d-1f2a3b4c5d6e" };

describe("audit query", () => {
  it("round-trips the area and the cursor through the URL", () => {
    const text = auditQueryString({ area: "members", cursor });
    const params = Object.fromEntries(new URLSearchParams(text.slice(1)));
    expect(parseAuditQuery(params)).toEqual({ area: "members", cursor });
    expect(auditQueryString({})).toBe("");
    expect(auditQueryString({ area: "sso" })).toBe("?area=sso");
  });

  it("drops an area or a cursor it cannot read instead of failing", () => {
    expect(parseAuditQuery({ area: "everything", cursor: "garbage" })).toEqual({ area: undefined, cursor: undefined });
    expect(parseAuditQuery({ area: "toString" })).toEqual({ area: undefined, cursor: undefined });
    expect(parseAuditQuery({ area: ["content", "sso"] }).area).toBe("content");
    expect(decodeAuditCursor(Buffer.from(JSON.stringify({ t: "yesterday", i: cursor.id })).toString("base64url"))).toBeUndefined();
    expect(decodeAuditCursor(Buffer.from(JSON.stringify({ t: cursor.occurredAt.toISOString(), i: "1; DROP TABLE" })).toString("base64url"))).toBeUndefined();
    expect(decodeAuditCursor(`${encodeAuditCursor(cursor)}!`)).toBeUndefined();
  });
});

describe("audit actions", () => {
  it("puts every action in an area, and every area has actions", () => {
    const inAreas = Object.keys(AUDIT_AREAS).flatMap((area) => actionsInArea(area as keyof typeof AUDIT_AREAS));
    expect(inAreas.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    for (const area of Object.keys(AUDIT_AREAS)) expect(actionsInArea(area as keyof typeof AUDIT_AREAS).length).toBeGreaterThan(0);
    expect(actionsInArea("members")).toContain("member.role_changed");
    expect(actionsInArea("sso")).toContain("tenant.visibility.changed");
  });

  it("names an action for people, and shows one it does not know as stored", () => {
    expect(auditActionLabel("sso.secret.regenerated")).toBe("Regenerated the shared secret");
    expect(auditActionLabel("billing.plan_changed")).toBe("billing.plan_changed");
  });
});
