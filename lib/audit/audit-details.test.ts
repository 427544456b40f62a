import { describe, expect, it } from "vitest";
import { describeAuditDetails, detailLabel } from "./audit-details";

describe("describeAuditDetails", () => {
  it("shows only what changed of a JWT settings change, with the form's names and units", () => {
    const lines = describeAuditDetails({
      changed: ["loginUrl", "tokenTtlSeconds", "requireRedirectKey"],
      loginUrl: "https://app.example.com/sso",
      logoutUrl: null,
      issuer: "app",
      audience: null,
      tokenTtlSeconds: 120,
      clockSkewSeconds: 60,
      sessionLengthMinutes: 720,
      requireRedirectKey: true,
    });
    expect(lines).toEqual([
      { label: "Changed", value: "Login URL, Token TTL, Only accept sign-ins that start at the help center", literal: false },
      { label: "Login URL", value: "https://app.example.com/sso", literal: true },
      { label: "Token TTL", value: "120 s", literal: false },
      { label: "Only accept sign-ins that start at the help center", value: "yes", literal: false },
    ]);
  });

  it("keeps what identifies the thing changed beside the changed fields", () => {
    const lines = describeAuditDetails({ id: "3f1c", title: "Reset a password", slug: "reset", changed: ["body"], published: true, requiredGroups: [] });
    expect(lines.map((line) => line.label)).toEqual(["Title", "Changed", "Slug", "ID"]);
    expect(lines.find((line) => line.label === "Changed")?.value).toBe("Body");
  });

  it("shows every detail of an entry that lists no changes, in a fixed order whatever order the keys come back in", () => {
    // PostgreSQL's jsonb returns keys shortest first, not as the action wrote them.
    expect(describeAuditDetails({ role: "admin", email: "ada@example.com", userId: "u-1", previousRole: "support" }, "member.role_changed")).toEqual([
      { label: "Email", value: "ada@example.com", literal: false },
      { label: "Role", value: "support → admin", literal: false },
      { label: "Member ID", value: "u-1", literal: true },
    ]);
    expect(describeAuditDetails({ role: "support", email: "bo@example.com", userId: "u-2" }, "member.removed").map((line) => line.label)).toEqual(["Email", "Role", "Member ID"]);
  });

  it("reads a from/to pair as one change, named by the action", () => {
    expect(describeAuditDetails({ to: "open", from: "closed", requestId: "r-1" }, "request.replied")).toEqual([
      { label: "Status", value: "closed → open", literal: false },
      { label: "Request ID", value: "r-1", literal: true },
    ]);
    // A request is named by its subject first (entries written before record only its id).
    expect(describeAuditDetails({ to: "closed", from: "answered", requestId: "r-1", subject: "Export is empty" }, "request.status_changed")).toEqual([
      { label: "Subject", value: "Export is empty", literal: false },
      { label: "Status", value: "answered → closed", literal: false },
      { label: "Request ID", value: "r-1", literal: true },
    ]);
    expect(describeAuditDetails({ to: null, from: "help.example.com" }, "tenant.custom_domain.changed")).toEqual([
      { label: "Custom domain", value: "help.example.com → none", literal: true },
    ]);
  });

  it("says removed for a changed field that was emptied, none for an empty one, yes or no for a switch, and names days", () => {
    expect(describeAuditDetails({ changed: ["loginUrl"], loginUrl: null, issuer: null })).toEqual([
      { label: "Changed", value: "Login URL", literal: false },
      { label: "Login URL", value: "removed", literal: false },
    ]);
    expect(describeAuditDetails({ domain: "help.example.com", redirect: false })[1]).toEqual({ label: "Send readers to the custom domain", value: "no", literal: false });
    expect(describeAuditDetails({ email: "ada@example.com", kind: null })[1]).toEqual({ label: "Token kind", value: "none", literal: false });
    expect(describeAuditDetails({ changed: ["logRetentionDays", "name"], name: "Acme", logRetentionDays: 1 })).toEqual([
      { label: "Changed", value: "Log retention, Name", literal: false },
      { label: "Name", value: "Acme", literal: false },
      { label: "Log retention", value: "1 day", literal: false },
    ]);
    expect(describeAuditDetails({ verifiedBy: "dns_txt" })[0]?.value).toBe("a DNS TXT record");
  });

  it("reads a changed setting as before → after when the entry recorded what it held, and never shows the record itself", () => {
    const lines = describeAuditDetails({
      changed: ["loginUrl", "logoutUrl", "issuer", "tokenTtlSeconds", "sessionLengthMinutes"],
      loginUrl: "https://app.example.com/sso/v2",
      logoutUrl: null,
      issuer: "app",
      audience: "help",
      tokenTtlSeconds: 120,
      sessionLengthMinutes: 60,
      previous: { loginUrl: "https://app.example.com/sso", logoutUrl: "https://app.example.com/bye", issuer: null, tokenTtlSeconds: 300, sessionLengthMinutes: 720 },
    });
    // Every changed field has its own before → after line, so no "Changed: …" line repeats them.
    expect(lines).toEqual([
      { label: "Login URL", value: "https://app.example.com/sso → https://app.example.com/sso/v2", literal: true },
      { label: "Logout URL", value: "https://app.example.com/bye → removed", literal: true },
      { label: "Issuer", value: "none → app", literal: true },
      { label: "Token TTL", value: "300 s → 120 s", literal: false },
      { label: "Session length", value: "720 min → 60 min", literal: false },
    ]);
    expect(describeAuditDetails({ changed: ["allowedDomains"], allowedDomains: ["a.example", "b.example"], restrictSignInOrigins: true, previous: { allowedDomains: ["a.example"] } })).toEqual([
      { label: "Allowed domains", value: "a.example → a.example, b.example", literal: false },
    ]);
    // One changed field without its before: the list of changed fields stays.
    expect(describeAuditDetails({ changed: ["name", "logRetentionDays"], name: "Acme", logRetentionDays: 7, previous: { name: "Old" } })).toEqual([
      { label: "Changed", value: "Name, Log retention", literal: false },
      { label: "Name", value: "Old → Acme", literal: false },
      { label: "Log retention", value: "7 days", literal: false },
    ]);
    // Entries from before settings changes recorded it, or a damaged record: the new value alone.
    for (const previous of [undefined, null, "text", ["x"]]) {
      expect(describeAuditDetails({ changed: ["name"], name: "Acme", logRetentionDays: 30, previous })).toEqual([
        { label: "Changed", value: "Name", literal: false },
        { label: "Name", value: "Acme", literal: false },
      ]);
    }
  });

  it("lists a list, and shows a key this build has no name for under its own name", () => {
    expect(describeAuditDetails({ allowedDomains: ["app.example.com", "*.example.org"] })[0]?.value).toBe("app.example.com, *.example.org");
    expect(describeAuditDetails({ someNewThing: { a: 1 } })).toEqual([{ label: "Some new thing", value: '{"a":1}', literal: false }]);
    expect(detailLabel("sessions_ended")).toBe("Sessions ended");
  });

  it("shows nothing for details that are not an object (an empty entry, or a damaged row)", () => {
    for (const details of [{}, null, [], "text", 42]) expect(describeAuditDetails(details)).toEqual([]);
  });
});
