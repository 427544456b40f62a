import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvHeader, csvRows, defuse, type ExportableEvent } from "./csv";

// The round trip reads the file back with csv-parse, as a spreadsheet or a script would.
function parseCsv(text: string): string[][] {
  return parse(text) as string[][];
}

function event(overrides: Partial<ExportableEvent> = {}): ExportableEvent {
  return {
    occurredAt: new Date("2026-05-01T12:00:00.123Z"),
    eventType: "sso.redirect_flow.rejected",
    outcome: "rejected",
    reasonCode: "token_expired",
    repeatCount: 1,
    email: "ada@example.com",
    externalId: "u-1",
    jti: "jti-1",
    iss: "https://app.example.com",
    aud: "help",
    clientIp: "203.0.113.5",
    userAgent: "Mozilla/5.0",
    requestId: "req-1",
    details: { iat: 1777636500, exp: 1777636800, verified: true },
    ...overrides,
  };
}

function column(row: string[], name: (typeof CSV_COLUMNS)[number]): string {
  return row[CSV_COLUMNS.indexOf(name)]!;
}

describe("csvHeader", () => {
  it("is one line listing the columns in order", () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(",")}\n`);
    expect(CSV_COLUMNS).toHaveLength(18);
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });
});

describe("csvRows", () => {
  it("writes one line per event, with a cell per column", () => {
    const text = csvRows([event(), event({ reasonCode: "bad_signature" })]);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(column(rows[1]!, "reason_code")).toBe("bad_signature");
    expect(csvRows([])).toBe("");
  });

  it("writes an ordinary event as plain text in column order", () => {
    expect(csvRows([event()])).toBe(
      "2026-05-01T12:00:00.123Z,sso.redirect_flow.rejected,rejected,token_expired,1,ada@example.com,u-1,jti-1,https://app.example.com,help," +
        "1777636500,1777636800,true,,,203.0.113.5,Mozilla/5.0,req-1\n",
    );
  });

  it("quotes commas, quotes and newlines so they round-trip", () => {
    const tricky = event({
      email: 'ada, "the countess"@example.com',
      jti: "a,b",
      iss: 'say "hi"',
      aud: "line1\nline2",
      userAgent: "cr\r\nlf",
      details: { claim: "email", detail: 'expected "string", got number' },
    });
    const text = csvRows([tricky]);
    expect(text).toContain('"ada, ""the countess""@example.com"');
    expect(text).toContain('"a,b"');
    expect(text).toContain('"say ""hi"""');
    expect(text).toContain('"line1\nline2"');
    expect(text).toContain('"expected ""string"", got number"');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(column(row!, "email")).toBe('ada, "the countess"@example.com');
    expect(column(row!, "jti")).toBe("a,b");
    expect(column(row!, "iss")).toBe('say "hi"');
    expect(column(row!, "aud")).toBe("line1\nline2");
    expect(column(row!, "user_agent")).toBe("cr\r\nlf");
    expect(column(row!, "detail")).toBe('expected "string", got number');
    expect(column(row!, "request_id")).toBe("req-1");
  });

  it("defuses formulas in token-supplied text", () => {
    const hostile = event({
      email: '=HYPERLINK("http://evil.example","click")',
      externalId: "+1+1",
      jti: "-2+3",
      iss: "@SUM(A1)",
      aud: "\tcmd",
      userAgent: "\r=1",
      details: { claim: "=claim", detail: "+detail" },
    });
    const [row] = parseCsv(csvRows([hostile]));
    expect(column(row!, "email")).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(column(row!, "external_id")).toBe("'+1+1");
    expect(column(row!, "jti")).toBe("'-2+3");
    expect(column(row!, "iss")).toBe("'@SUM(A1)");
    expect(column(row!, "aud")).toBe("'\tcmd");
    expect(column(row!, "user_agent")).toBe("'\r=1");
    expect(column(row!, "claim")).toBe("'=claim");
    expect(column(row!, "detail")).toBe("'+detail");
    expect(csvRows([hostile])).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
  });

  it("leaves numbers, booleans and ISO dates alone, even negative numbers", () => {
    const [row] = parseCsv(csvRows([event({ repeatCount: 12, details: { iat: -5, exp: 1777636800000, verified: false } })]));
    expect(column(row!, "occurred_at")).toBe("2026-05-01T12:00:00.123Z");
    expect(column(row!, "repeat_count")).toBe("12");
    expect(column(row!, "iat")).toBe("-5");
    expect(column(row!, "exp")).toBe("1777636800000");
    expect(column(row!, "signature_verified")).toBe("false");
  });

  it("still defuses time claims that arrived as text", () => {
    const [row] = parseCsv(csvRows([event({ details: { iat: "-1+cmd", exp: "=1" } })]));
    expect(column(row!, "iat")).toBe("'-1+cmd");
    expect(column(row!, "exp")).toBe("'=1");
  });

  it("writes null and undefined as empty cells", () => {
    const sparse = event({
      reasonCode: null, email: null, externalId: null, jti: null, iss: null, aud: null,
      clientIp: null, userAgent: null, requestId: null, details: {},
    });
    const [row] = parseCsv(csvRows([sparse]));
    for (const name of ["reason_code", "email", "external_id", "jti", "iss", "aud", "iat", "exp", "signature_verified", "claim", "detail", "client_ip", "user_agent", "request_id"] as const) {
      expect(column(row!, name), name).toBe("");
    }
    expect(column(row!, "event_type")).toBe("sso.redirect_flow.rejected");
    expect(csvRows([sparse])).toBe("2026-05-01T12:00:00.123Z,sso.redirect_flow.rejected,rejected,,1,,,,,,,,,,,,,\n");
  });

  it("writes details.verified false as false, not empty", () => {
    const [row] = parseCsv(csvRows([event({ details: { verified: false } })]));
    expect(column(row!, "signature_verified")).toBe("false");
    const [zero] = parseCsv(csvRows([event({ repeatCount: 0, details: { iat: 0 } })]));
    expect(column(zero!, "repeat_count")).toBe("0");
    expect(column(zero!, "iat")).toBe("0");
  });
});

describe("defuse", () => {
  it.each(["=1+1", "+1", "-1", "@cmd", "\tx", "\rx"])("prefixes %j with an apostrophe", (value) => {
    expect(defuse(value)).toBe(`'${value}`);
  });

  it.each(["", "ada@example.com", "1+1", "a=b", "'already", "2026-05-01T12:00:00.000Z"])("leaves %j alone", (value) => {
    expect(defuse(value)).toBe(value);
  });
});
