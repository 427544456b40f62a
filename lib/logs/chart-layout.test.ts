import { describe, expect, it } from "vitest";
import { REJECTION_REASONS } from "@/lib/sso/reasons";
import { bucketLabel, CHART_HEIGHT, CHART_WIDTH, layoutChart, niceMaximum, OKABE_ITO, reasonColour, reasonStyle, type ChartInput, type ChartSegment } from "./chart-layout";

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
    expect(segment!.fill).toBe(reasonStyle("token_expired").fill);
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

// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), from sRGB through CIELAB (D65): the
// standard measure of how different two colours look, more even across hues than CIE76 (which
// calls the tester's two teals 28 apart, far more than they look).
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function deltaE2000([L1, a1, b1]: number[], [L2, a2, b2]: number[]): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const hue = (a: number, b: number) => (a === 0 && b === 0 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360);
  const meanC = (Math.hypot(a1!, b1!) + Math.hypot(a2!, b2!)) / 2;
  const G = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + G) * a1!, (1 + G) * a2!];
  const [C1, C2] = [Math.hypot(a1p, b1!), Math.hypot(a2p, b2!)];
  const [h1, h2] = [hue(a1p, b1!), hue(a2p, b2!)];
  let dh = C1 * C2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dL = L2! - L1!;
  const dC = C2 - C1;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin(rad(dh / 2));
  const L = (L1! + L2!) / 2;
  const C = (C1 + C2) / 2;
  let h = h1 + h2;
  if (C1 * C2 !== 0) h = (Math.abs(h1 - h2) > 180 ? h + (h < 360 ? 360 : -360) : h) / 2;
  const T = 1 - 0.17 * Math.cos(rad(h - 30)) + 0.24 * Math.cos(rad(2 * h)) + 0.32 * Math.cos(rad(3 * h + 6)) - 0.2 * Math.cos(rad(4 * h - 63));
  const SL = 1 + (0.015 * (L - 50) ** 2) / Math.sqrt(20 + (L - 50) ** 2);
  const SC = 1 + 0.045 * C;
  const SH = 1 + 0.015 * C * T;
  const RT = -Math.sin(rad(60 * Math.exp(-(((h - 275) / 25) ** 2)))) * 2 * Math.sqrt(C ** 7 / (C ** 7 + 25 ** 7));
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}

const difference = (one: string, other: string) => deltaE2000(lab(one), lab(other));

/**
 * How far apart two reasons' colours must be. A ΔE2000 of 1 to 2 is just noticeable for large
 * patches side by side; a stacked bar's segment is small and its legend swatch is away from it, so
 * we ask for ten times that. The pair the tester could not tell apart (#0891b2 and #0d9488) is 17.3
 * apart; Okabe–Ito's closest pair (orange and yellow) 21.7.
 */
const MIN_DIFFERENCE = 20;

describe("CIEDE2000 (the test's own measure)", () => {
  it("matches Sharma, Wu & Dalal's published test pairs", () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
  });

  it("finds the tester's two pairs too close", () => {
    expect(difference("#9333ea", "#7c3aed")).toBeLessThan(MIN_DIFFERENCE);
    expect(difference("#0891b2", "#0d9488")).toBeLessThan(MIN_DIFFERENCE);
  });
});

describe("reason colours can be told apart", () => {
  // Regression: token_expired and token_malformed were two purples, alg_not_allowed and
  // missing_claim two teals, and stacked together they read as one reason.
  it.each([
    ["token_expired", "token_malformed"],
    ["alg_not_allowed", "missing_claim"],
  ])("%s and %s get clearly different colours", (one, other) => {
    expect(difference(reasonColour(one), reasonColour(other))).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
  });

  it("gives any two reasons with the same fill colours at least ΔE2000 20 apart", () => {
    const tooClose: string[] = [];
    for (const [index, one] of REJECTION_REASONS.entries()) {
      for (const other of REJECTION_REASONS.slice(index + 1)) {
        const [a, b] = [reasonStyle(one), reasonStyle(other)];
        const apart = difference(a.colour, b.colour);
        if (a.fill === b.fill && apart < MIN_DIFFERENCE) tooClose.push(`${one} ${a.colour} / ${other} ${b.colour}: ${apart.toFixed(1)}`);
      }
    }
    expect(tooClose).toEqual([]);
  });

  it("gives the eight most common refusals solid fills in eight different colours", () => {
    const common = ["token_expired", "bad_signature", "iat_in_future", "token_too_old", "key_mismatch", "token_malformed", "jti_replayed", "audience_mismatch"];
    expect(common.map((reason) => reasonStyle(reason).fill)).toEqual(Array(8).fill("solid"));
    expect(new Set(common.map(reasonColour)).size).toBe(8);
  });

  it("draws stripes and dots in an ink that stands out from their colour", () => {
    for (const reason of REJECTION_REASONS) {
      const style = reasonStyle(reason);
      if (style.fill !== "solid") expect(difference(style.colour, style.ink), reason).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
    }
  });
});

describe("reasonStyle", () => {
  it("gives every reason code its own colour and fill, from the Okabe–Ito palette", () => {
    const styles = REJECTION_REASONS.map(reasonStyle);
    expect(new Set(styles.map((style) => `${style.colour} ${style.fill}`)).size).toBe(REJECTION_REASONS.length);
    for (const style of styles) expect(Object.values(OKABE_ITO)).toContain(style.colour);
  });

  it("is stable for a reason", () => {
    expect(reasonStyle("token_expired")).toEqual(reasonStyle("token_expired"));
    expect(reasonStyle("token_expired")).toEqual({ colour: "#0072b2", fill: "solid", ink: "#ffffff" });
    expect(reasonStyle("alg_not_allowed")).toEqual({ colour: "#56b4e9", fill: "stripes", ink: "#1e293b" });
  });

  it("shows unknown reasons in solid slate grey", () => {
    expect(reasonStyle("not_a_reason")).toMatchObject({ colour: "#64748b", fill: "solid" });
    expect(reasonColour("")).toBe("#64748b");
  });
});
