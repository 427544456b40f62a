import { describe, expect, it } from "vitest";
import { REJECTION_REASONS } from "@/lib/sso/reasons";
import { bucketLabel, CHART_HEIGHT, CHART_WIDTH, layoutChart, niceMaximum, reasonColour, type ChartInput, type ChartSegment } from "./chart-layout";

const START = Date.UTC(2026, 4, 1, 0, 0);
const HOUR = 3600 * 1000;

function hourly(counts: Record<string, number>[]): ChartInput {
  return { bucket: "hour", buckets: counts.map((c, index) => ({ start: new Date(START + index * HOUR), counts: c })) };
}

function segmentsOf(segments: ChartSegment[], x: number): ChartSegment[] {
  return segments.filter((segment) => segment.x === x);
}

describe("niceMaximum", () => {
  it.each([
    [0, 1],
    [0.5, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [5, 5],
    [7, 10],
    [10, 10],
    [12, 20],
    [20, 20],
    [21, 50],
    [51, 100],
    [100, 100],
    [101, 200],
    [4999, 5000],
    [5001, 10000],
  ])("%s → %s", (value, expected) => {
    expect(niceMaximum(value)).toBe(expected);
  });

  it("is never below the value", () => {
    for (let value = 0; value <= 2000; value += 7) expect(niceMaximum(value)).toBeGreaterThanOrEqual(value);
  });
});

describe("layoutChart", () => {
  it("keeps the plot inside the chart", () => {
    const { plot } = layoutChart(hourly([{ token_expired: 1 }]));
    expect(plot.left).toBeGreaterThanOrEqual(0);
    expect(plot.top).toBeGreaterThanOrEqual(0);
    expect(plot.right).toBeLessThanOrEqual(CHART_WIDTH);
    expect(plot.bottom).toBeLessThanOrEqual(CHART_HEIGHT);
    expect(plot.right).toBeGreaterThan(plot.left);
    expect(plot.bottom).toBeGreaterThan(plot.top);
  });

  it("stacks a bucket's segments so their heights add up to the bar's total", () => {
    const layout = layoutChart(hourly([{ token_expired: 3, bad_signature: 2 }, { token_expired: 1 }]));
    const { plot } = layout;
    const scale = (plot.bottom - plot.top) / 5; // nice maximum of 5
    const bars = [...new Set(layout.segments.map((segment) => segment.x))];
    expect(bars).toHaveLength(2);
    const first = segmentsOf(layout.segments, bars[0]!);
    const second = segmentsOf(layout.segments, bars[1]!);
    expect(first.reduce((sum, segment) => sum + segment.height, 0)).toBeCloseTo(5 * scale);
    expect(second.reduce((sum, segment) => sum + segment.height, 0)).toBeCloseTo(1 * scale);
    for (const segment of layout.segments) expect(segment.height).toBeCloseTo(segment.count * scale);
  });

  it("makes the tallest bar reach the top of the plot when its total is the nice maximum", () => {
    const layout = layoutChart(hourly([{ token_expired: 6, bad_signature: 4 }, { key_expired: 3 }]));
    const topOfTallest = Math.min(...layout.segments.map((segment) => segment.y));
    expect(topOfTallest).toBeCloseTo(layout.plot.top);
    for (const segment of layout.segments) {
      expect(segment.y).toBeGreaterThanOrEqual(layout.plot.top - 1e-9);
      expect(segment.y + segment.height).toBeLessThanOrEqual(layout.plot.bottom + 1e-9);
    }
  });

  it("leaves headroom when the tallest total is below the nice maximum", () => {
    const layout = layoutChart(hourly([{ token_expired: 7 }]));
    const [segment] = layout.segments;
    const plotHeight = layout.plot.bottom - layout.plot.top;
    expect(segment!.height).toBeCloseTo((plotHeight * 7) / 10);
    expect(segment!.y).toBeGreaterThan(layout.plot.top);
  });

  it("stacks segments bottom-up in sorted reason order without overlap", () => {
    const counts = { user_suspended: 1, bad_signature: 2, token_expired: 3, audience_mismatch: 4 };
    const layout = layoutChart(hourly([counts]));
    expect(layout.segments.map((segment) => segment.reason)).toEqual(["audience_mismatch", "bad_signature", "token_expired", "user_suspended"]);
    let bottom = layout.plot.bottom;
    for (const segment of layout.segments) {
      expect(segment.y + segment.height).toBeCloseTo(bottom);
      expect(segment.height).toBeGreaterThan(0);
      bottom = segment.y;
    }
    expect(bottom).toBeCloseTo(layout.plot.top); // total 10 is the nice maximum
  });

  it("uses the same stacking order in every bucket, whatever the key order", () => {
    const layout = layoutChart(hourly([{ token_expired: 1, bad_signature: 1 }, { bad_signature: 1, token_expired: 1 }]));
    const bars = [...new Set(layout.segments.map((segment) => segment.x))];
    const orders = bars.map((x) => segmentsOf(layout.segments, x).map((segment) => segment.reason));
    expect(orders).toEqual([["bad_signature", "token_expired"], ["bad_signature", "token_expired"]]);
    const ys = bars.map((x) => segmentsOf(layout.segments, x).map((segment) => segment.y));
    expect(ys[0]).toEqual(ys[1]);
  });

  it("gives empty buckets no segments", () => {
    const layout = layoutChart(hourly([{}, { token_expired: 2 }, {}]));
    expect(layout.segments).toHaveLength(1);
    expect(layout.segments[0]!.reason).toBe("token_expired");
  });

  it("handles a chart with no events at all", () => {
    const empty = layoutChart(hourly([{}, {}, {}]));
    expect(empty.segments).toEqual([]);
    expect(empty.yTicks.every((tick) => Number.isFinite(tick.y))).toBe(true);
    const none = layoutChart(hourly([]));
    expect(none.segments).toEqual([]);
    expect(none.xTicks).toEqual([]);
  });

  it("places bars left to right by bucket index, inside the plot, with equal widths", () => {
    const layout = layoutChart(hourly(Array.from({ length: 24 }, (_, index) => ({ token_expired: index + 1 }))));
    const xs = layout.segments.map((segment) => segment.x);
    expect(xs).toHaveLength(24);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]! + layout.segments[i - 1]!.width - 1e-9);
    for (const segment of layout.segments) {
      expect(segment.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(segment.x + segment.width).toBeLessThanOrEqual(layout.plot.right + 1e-9);
      expect(segment.width).toBe(layout.segments[0]!.width);
      expect(segment.width).toBeGreaterThanOrEqual(1);
    }
  });

  it("only labels the y axis with whole numbers, from 0 at the bottom to the maximum at the top", () => {
    for (const total of [1, 3, 5, 7, 12, 100, 101]) {
      const layout = layoutChart(hourly([{ token_expired: total }]));
      const values = layout.yTicks.map((tick) => tick.value);
      expect(values.every(Number.isInteger), `total ${total}: ${values}`).toBe(true);
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBe(niceMaximum(total));
      expect(layout.yTicks[0]!.y).toBeCloseTo(layout.plot.bottom);
      expect(layout.yTicks.at(-1)!.y).toBeCloseTo(layout.plot.top);
    }
    expect(layoutChart(hourly([{ token_expired: 20 }])).yTicks.map((tick) => tick.value)).toEqual([0, 10, 20]);
    expect(layoutChart(hourly([{ token_expired: 5 }])).yTicks.map((tick) => tick.value)).toEqual([0, 5]);
  });

  it("keeps the x labels to about six for a week of hourly buckets", () => {
    const layout = layoutChart(hourly(Array.from({ length: 168 }, () => ({}))));
    expect(layout.xTicks.length).toBeGreaterThanOrEqual(4);
    expect(layout.xTicks.length).toBeLessThanOrEqual(7);
    for (let i = 1; i < layout.xTicks.length; i++) expect(layout.xTicks[i]!.x).toBeGreaterThan(layout.xTicks[i - 1]!.x);
    expect(layout.xTicks[0]!.label).toBe("05-01 00:00");
    for (const tick of layout.xTicks) {
      expect(tick.label).toMatch(/^\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(tick.x).toBeGreaterThan(layout.plot.left);
      expect(tick.x).toBeLessThan(layout.plot.right);
    }
  });

  it("labels every bar when there are only a few", () => {
    const layout = layoutChart({
      bucket: "day",
      buckets: [0, 1, 2].map((day) => ({ start: new Date(START + day * 24 * HOUR), counts: {} })),
    });
    expect(layout.xTicks.map((tick) => tick.label)).toEqual(["05-01", "05-02", "05-03"]);
  });

  it("titles each segment with its bucket, reason and count", () => {
    const layout = layoutChart({
      bucket: "hour",
      buckets: [{ start: new Date(Date.UTC(2026, 4, 1, 14, 0)), counts: { token_expired: 1234 } }],
    });
    const [segment] = layout.segments;
    expect(segment!.title).toContain("2026-05-01 14:00 UTC");
    expect(segment!.title).toContain("token_expired");
    expect(segment!.title).toContain("1,234");
    expect(segment!.count).toBe(1234);
    expect(segment!.colour).toBe(reasonColour("token_expired"));
  });
});

describe("bucketLabel", () => {
  const start = new Date(Date.UTC(2026, 4, 4, 9, 0));
  it("formats hours, days and weeks", () => {
    expect(bucketLabel(start, "hour")).toBe("2026-05-04 09:00 UTC");
    expect(bucketLabel(start, "day")).toBe("2026-05-04");
    expect(bucketLabel(start, "week")).toBe("week of 2026-05-04");
  });
});

describe("reasonColour", () => {
  it("gives all reason codes distinct colours", () => {
    const colours = REJECTION_REASONS.map(reasonColour);
    expect(colours).toHaveLength(REJECTION_REASONS.length);
    expect(new Set(colours).size).toBe(REJECTION_REASONS.length);
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(colour).not.toBe("#64748b");
    }
  });

  it("is stable for a reason", () => {
    expect(reasonColour("token_expired")).toBe(reasonColour("token_expired"));
    expect(reasonColour("sso_not_configured")).toBe("#2563eb");
  });

  it("shows unknown reasons in slate grey", () => {
    expect(reasonColour("not_a_reason")).toBe("#64748b");
    expect(reasonColour("")).toBe("#64748b");
  });
});
