import { describe, expect, it } from "vitest";
import {
  bucketFor,
  decodeCursor,
  DEFAULT_RANGE,
  encodeCursor,
  formatUtcMinute,
  logQueryString,
  parseLogQuery,
  parseUtcMinute,
  RANGE_PRESETS,
  rangeProblemMessage,
  resolveTimeWindow,
  type LogQuery,
  type RangePreset,
} from "./log-query";

describe("log query", () => {
  it("round-trips filters and the cursor through the URL", () => {
    const cursor = { occurredAt: new Date("2026-05-01T10:00:00.123Z"), id: BigInt(42) };
    const query = { type: "sso.redirect_flow.rejected" as const, reason: "bad_signature" as const, q: "ada@example.com", cursor };
    const params = Object.fromEntries(new URLSearchParams(logQueryString(query).slice(1)));
    expect(parseLogQuery(params)).toEqual(query);
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it("reads type=rejected as every kind of refusal (the overview's link), and keeps it in the URL", () => {
    expect(parseLogQuery({ type: "rejected", range: "24h" })).toMatchObject({ type: "rejected", range: "24h" });
    expect(logQueryString({ type: "rejected", range: "24h" })).toBe("?type=rejected&range=24h");
  });
  it("drops unknown or malformed values instead of failing", () => {
    expect(parseLogQuery({ type: "drop table", reason: "nope", q: " ", cursor: "garbage" })).toEqual({ type: undefined, reason: undefined, q: undefined, cursor: undefined });
    expect(decodeCursor(Buffer.from("2026-01-01T00:00:00Z|1; DROP").toString("base64url"))).toBeUndefined();
  });
});

const NOW = new Date("2026-05-01T12:00:00Z");
const DAY_MS = 86400 * 1000;

/** What the page receives: the query string read back into a params record. */
function viaUrl(query: LogQuery): LogQuery {
  return parseLogQuery(Object.fromEntries(new URLSearchParams(logQueryString(query).slice(1))));
}

describe("log query: time ranges in the URL", () => {
  it.each(Object.keys(RANGE_PRESETS).map((range) => [range as RangePreset]))("round-trips the %s preset", (range) => {
    expect(logQueryString({ range })).toBe(`?range=${range}`);
    expect(viaUrl({ range })).toEqual({ range });
  });

  it("round-trips a custom range with both bounds", () => {
    const query: LogQuery = { range: "custom", from: new Date("2026-04-01T08:15:00Z"), to: new Date("2026-04-02T17:45:00Z") };
    expect(logQueryString(query)).toBe("?range=custom&from=2026-04-01T08%3A15&to=2026-04-02T17%3A45");
    expect(viaUrl(query)).toEqual(query);
  });

  it("round-trips a custom range with only one bound", () => {
    const onlyFrom: LogQuery = { range: "custom", from: new Date("2026-04-01T08:15:00Z") };
    const onlyTo: LogQuery = { range: "custom", to: new Date("2026-04-02T17:45:00Z") };
    expect(viaUrl(onlyFrom)).toEqual(onlyFrom);
    expect(viaUrl(onlyTo)).toEqual(onlyTo);
  });

  it("round-trips a custom range together with the other filters and a cursor", () => {
    const query: LogQuery = {
      type: "sso.redirect_flow.rejected",
      reason: "token_expired",
      q: "ada@example.com",
      range: "custom",
      from: new Date("2026-04-01T00:00:00Z"),
      to: new Date("2026-04-30T23:59:00Z"),
      cursor: { occurredAt: new Date("2026-04-15T10:00:00.5Z"), id: BigInt("9007199254740993") },
    };
    expect(viaUrl(query)).toEqual(query);
  });

  it("writes from/to only for a custom range", () => {
    const from = new Date("2026-04-01T08:15:00Z");
    expect(logQueryString({ range: "30d", from, to: from })).toBe("?range=30d");
    expect(logQueryString({ from })).toBe("");
    expect(logQueryString({})).toBe("");
  });

  it("drops from/to sent with a preset", () => {
    const query = parseLogQuery({ range: "30d", from: "2026-04-01T08:15", to: "2026-04-02T08:15" });
    expect(query.range).toBe("30d");
    expect(query.from).toBeUndefined();
    expect(query.to).toBeUndefined();
  });

  it("reads custom from/to as UTC minutes", () => {
    const query = parseLogQuery({ range: "custom", from: "2026-04-01T08:15", to: "2026-04-02T23:59" });
    expect(query.from?.toISOString()).toBe("2026-04-01T08:15:00.000Z");
    expect(query.to?.toISOString()).toBe("2026-04-02T23:59:00.000Z");
  });

  it("reorders a swapped from/to", () => {
    const query = parseLogQuery({ range: "custom", from: "2026-04-02T10:00", to: "2026-04-01T10:00" });
    expect(query.range).toBe("custom");
    expect(query.from?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(query.to?.toISOString()).toBe("2026-04-02T10:00:00.000Z");
  });

  it("keeps an equal from/to as it is", () => {
    const query = parseLogQuery({ range: "custom", from: "2026-04-01T10:00", to: "2026-04-01T10:00" });
    expect(query.from?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(query.to?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
  });

  it.each(["2026-02-31T10:00", "2026-13-01T00:00", "2026-00-10T00:00", "2026-04-01T25:00", "2026-04-01T24:00", "2026-04-01T10:60", "garbage", "", "2026-04-01", "2026-04-01T10:00:00", "2026-04-01T10:00Z", "2026-4-1T10:00"])(
    "drops the invalid bound %j and keeps the valid one",
    (bad) => {
      const badFrom = parseLogQuery({ range: "custom", from: bad, to: "2026-04-02T10:00" });
      expect(badFrom.range).toBe("custom");
      expect(badFrom.from).toBeUndefined();
      expect(badFrom.to?.toISOString()).toBe("2026-04-02T10:00:00.000Z");
      const badTo = parseLogQuery({ range: "custom", from: "2026-04-01T10:00", to: bad });
      expect(badTo.from?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
      expect(badTo.to).toBeUndefined();
    },
  );

  it("falls back to the default range when custom has no valid bound", () => {
    for (const params of [{ range: "custom" }, { range: "custom", from: "2026-02-31T10:00", to: "garbage" }, { range: "custom", from: "", to: "" }]) {
      const query = parseLogQuery(params);
      expect(query.range).toBeUndefined();
      expect(query.from).toBeUndefined();
      expect(query.to).toBeUndefined();
      const window = resolveTimeWindow(query, NOW);
      expect(window.to).toEqual(NOW);
      expect(NOW.getTime() - window.from.getTime()).toBe(RANGE_PRESETS[DEFAULT_RANGE] * 1000);
    }
  });

  it("clamps a custom span of more than about ten years, keeping the end", () => {
    const query = parseLogQuery({ range: "custom", from: "1990-01-01T00:00", to: "2026-01-01T00:00" });
    expect(query.to?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    const span = query.to!.getTime() - query.from!.getTime();
    expect(span).toBe(3660 * DAY_MS);
    expect(query.from!.getTime()).toBeGreaterThan(Date.UTC(2015, 11, 1));
    expect(query.from!.getTime()).toBeLessThan(Date.UTC(2016, 1, 1));
  });

  it("keeps a custom span of exactly ten years", () => {
    const query = parseLogQuery({ range: "custom", from: "2016-01-01T00:00", to: "2026-01-01T00:00" });
    expect(query.from?.toISOString()).toBe("2016-01-01T00:00:00.000Z");
    expect(query.to?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("clamps a swapped over-long span after reordering", () => {
    const query = parseLogQuery({ range: "custom", from: "2026-01-01T00:00", to: "1990-01-01T00:00" });
    expect(query.to?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(query.to!.getTime() - query.from!.getTime()).toBe(3660 * DAY_MS);
  });

  it("ignores an unknown range", () => {
    expect(parseLogQuery({ range: "2w" }).range).toBeUndefined();
    expect(parseLogQuery({ range: "CUSTOM", from: "2026-04-01T10:00" })).toEqual({});
    expect(parseLogQuery({ range: "__proto__" }).range).toBeUndefined();
  });

  it("takes the first value of a repeated parameter", () => {
    const query = parseLogQuery({
      type: ["sso.logout", "sso.login.succeeded"],
      reason: ["jti_replayed", "bad_signature"],
      q: ["first", "second"],
      range: ["custom", "24h"],
      from: ["2026-04-01T10:00", "2020-01-01T00:00"],
      to: ["2026-04-02T10:00", "garbage"],
    });
    expect(query).toEqual({
      type: "sso.logout",
      reason: "jti_replayed",
      q: "first",
      range: "custom",
      from: new Date("2026-04-01T10:00:00Z"),
      to: new Date("2026-04-02T10:00:00Z"),
    });
    expect(parseLogQuery({ range: ["nope", "24h"] }).range).toBeUndefined();
    expect(parseLogQuery({ range: [] }).range).toBeUndefined();
  });

  it("trims the search text and drops an over-long one", () => {
    expect(parseLogQuery({ q: "  ada@example.com  " }).q).toBe("ada@example.com");
    expect(parseLogQuery({ q: "a".repeat(254) }).q).toBe("a".repeat(254));
    expect(parseLogQuery({ q: "a".repeat(255) }).q).toBeUndefined();
  });
});

describe("resolveTimeWindow", () => {
  it.each([
    ["24h", 24 * 3600 * 1000, "hour"],
    ["7d", 7 * DAY_MS, "hour"],
    ["30d", 30 * DAY_MS, "day"],
    ["90d", 90 * DAY_MS, "day"],
    ["1y", 365 * DAY_MS, "week"],
  ] as const)("%s ends now and reaches back %s ms, by %s", (range, span, bucket) => {
    const window = resolveTimeWindow({ range }, NOW);
    expect(window.to).toEqual(NOW);
    expect(window.to.getTime() - window.from.getTime()).toBe(span);
    expect(window.bucket).toBe(bucket);
  });

  it("uses the default range without one", () => {
    const window = resolveTimeWindow({}, NOW);
    expect(window.to).toEqual(NOW);
    expect(window.from).toEqual(new Date(NOW.getTime() - RANGE_PRESETS[DEFAULT_RANGE] * 1000));
    expect(window.bucket).toBe("hour");
  });

  it("uses a custom range's bounds, not now", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-03-01T00:00:00Z");
    expect(resolveTimeWindow({ range: "custom", from, to }, NOW)).toEqual({ from, to, bucket: "day" });
  });

  it("ends a custom range with only from at now", () => {
    const from = new Date("2026-04-30T12:00:00Z");
    expect(resolveTimeWindow({ range: "custom", from }, NOW)).toEqual({ from, to: NOW, bucket: "hour" });
  });

  it("starts a custom range with only to one default range before it", () => {
    const to = new Date("2026-02-01T00:00:00Z");
    const window = resolveTimeWindow({ range: "custom", to }, NOW);
    expect(window.to).toEqual(to);
    expect(window.from).toEqual(new Date(to.getTime() - RANGE_PRESETS[DEFAULT_RANGE] * 1000));
    expect(window.bucket).toBe("hour");
  });

  it("treats custom without bounds as the default range", () => {
    const window = resolveTimeWindow({ range: "custom" }, NOW);
    expect(window.to).toEqual(NOW);
    expect(NOW.getTime() - window.from.getTime()).toBe(RANGE_PRESETS[DEFAULT_RANGE] * 1000);
  });

  it("ignores from/to on a preset", () => {
    const window = resolveTimeWindow({ range: "24h", from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") }, NOW);
    expect(window.to).toEqual(NOW);
    expect(window.bucket).toBe("hour");
  });

  it("resolves what the URL parser returns", () => {
    const window = resolveTimeWindow(parseLogQuery({ range: "custom", to: "2026-04-01T10:00", from: "2025-04-01T10:00" }), NOW);
    expect(window).toEqual({ from: new Date("2025-04-01T10:00:00Z"), to: new Date("2026-04-01T10:00:00Z"), bucket: "week" });
  });
});

describe("bucketFor", () => {
  it.each([
    [0, "hour"],
    [3600 * 1000, "hour"],
    [7 * DAY_MS, "hour"],
    [7 * DAY_MS + 1, "day"],
    [30 * DAY_MS, "day"],
    [180 * DAY_MS, "day"],
    [180 * DAY_MS + 1, "week"],
    [3660 * DAY_MS, "week"],
  ] as const)("%s ms → %s", (span, bucket) => {
    expect(bucketFor(span)).toBe(bucket);
  });
});

describe("parseUtcMinute / formatUtcMinute", () => {
  it("round-trips a minute", () => {
    for (const text of ["2026-04-01T08:15", "2024-02-29T23:59", "2026-12-31T00:00", "1970-01-01T00:00"]) {
      const date = parseUtcMinute(text);
      expect(date, text).toBeDefined();
      expect(formatUtcMinute(date!)).toBe(text);
    }
  });

  it("refuses days that do not exist", () => {
    expect(parseUtcMinute("2026-02-29T00:00")).toBeUndefined();
    expect(parseUtcMinute("2026-04-31T00:00")).toBeUndefined();
    expect(parseUtcMinute("2026-02-31T10:00")).toBeUndefined();
    expect(parseUtcMinute(undefined)).toBeUndefined();
  });

  it("formats to the minute, dropping seconds", () => {
    expect(formatUtcMinute(new Date("2026-04-01T08:15:59.999Z"))).toBe("2026-04-01T08:15");
  });
});

describe("cursor", () => {
  it("refuses an over-long or malformed cursor", () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor("")).toBeUndefined();
    expect(decodeCursor("A".repeat(101))).toBeUndefined();
    expect(decodeCursor(Buffer.from("2026-01-01T00:00:00Z|12345678901234567890").toString("base64url"))).toBeUndefined();
    expect(decodeCursor(Buffer.from("not a date|1").toString("base64url"))).toBeUndefined();
    expect(decodeCursor(Buffer.from("2026-01-01T00:00:00Z").toString("base64url"))).toBeUndefined();
  });

  it("keeps ids beyond Number.MAX_SAFE_INTEGER exact", () => {
    const cursor = { occurredAt: new Date("2026-01-01T00:00:00Z"), id: BigInt("9223372036854775807") };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
});

describe("parseUtcMinute: years below 100", () => {
  // Date.UTC maps years 0–99 to 1900–1999: "0099-…" must be refused, not read as 1999.
  it("refuses year 0099 rather than reading it as 1999", () => {
    expect(parseUtcMinute("0099-01-01T00:00")).toBeUndefined();
  });
});

describe("resolveTimeWindow keeps a lone custom bound sane", () => {
  const NOW = new Date("2026-06-01T00:00:00Z");
  it("clamps a from in the distant past to the longest retention", () => {
    const window = resolveTimeWindow(parseLogQuery({ range: "custom", from: "1000-01-01T00:00" }), NOW);
    expect(window.to).toEqual(NOW);
    expect(window.to.getTime() - window.from.getTime()).toBe(3660 * 86400 * 1000);
    expect(window.bucket).toBe("week");
  });
  it("never inverts the window when from is in the future", () => {
    const window = resolveTimeWindow(parseLogQuery({ range: "custom", from: "2027-01-01T00:00" }), NOW);
    expect(window.from.getTime()).toBeLessThanOrEqual(window.to.getTime());
  });
});

describe("a custom range that cannot be used", () => {
  it("falls back to the default range and says the dates could not be read", () => {
    expect(parseLogQuery({ range: "custom", from: "2026-02-31T10:00", to: "yesterday" })).toMatchObject({ range: undefined, rangeProblem: "unreadable" });
    expect(parseLogQuery({ range: "custom", from: "2026-02-01T10:00" }).rangeProblem).toBeUndefined();
    expect(parseLogQuery({ range: "7d", from: "", to: "" }).rangeProblem).toBeUndefined();
  });

  // Regression: "Custom (UTC)" with no dates and Filter (range=custom&from=&to=) silently showed the
  // last 7 days.
  it("falls back to the default range and says no date was given when both are empty or absent", () => {
    expect(parseLogQuery({ range: "custom", from: "", to: "" })).toMatchObject({ range: undefined, rangeProblem: "no dates" });
    expect(parseLogQuery({ range: "custom" })).toMatchObject({ range: undefined, rangeProblem: "no dates" });
    const window = resolveTimeWindow(parseLogQuery({ range: "custom", from: "", to: "" }), new Date("2026-06-01T00:00:00Z"));
    expect(window.from).toEqual(new Date("2026-05-25T00:00:00Z"));
  });

  it("tells the user what to do and which range is shown instead", () => {
    expect(rangeProblemMessage("no dates")).toBe("Choose a start or end date for a custom range. No date was given, so the last 7 days are shown.");
    expect(rangeProblemMessage("unreadable")).toBe("The custom dates could not be read (use dates like 2026-11-20T14:00, in UTC), so the last 7 days are shown.");
  });

  it("is never written back into a link", () => {
    expect(logQueryString({ ...parseLogQuery({ range: "custom", from: "", to: "" }) })).toBe("");
  });
});
