// Geometry of the rejections chart (stacked bars per bucket), computed on the server so the SVG
// arrives finished: nothing moves when the page hydrates. Pure.
import { REJECTION_REASONS } from "@/lib/sso/reasons";
import type { Bucket } from "./log-query";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 200;
const PLOT_LEFT = 56;
const PLOT_TOP = 8;
const PLOT_BOTTOM = 24;

// One colour per reason code, fixed, so token_expired looks the same on every page and day.
const PALETTE = [
  "#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
  "#ea580c", "#4f46e5", "#0d9488", "#b91c1c", "#9333ea", "#ca8a04", "#0369a1", "#be185d",
  "#15803d", "#c2410c", "#6d28d9", "#0e7490", "#a16207", "#1d4ed8", "#047857", "#9f1239",
  "#4d7c0f", "#a21caf", "#92400e",
];

export function reasonColour(reason: string): string {
  const index = (REJECTION_REASONS as readonly string[]).indexOf(reason);
  return index === -1 ? "#64748b" : PALETTE[index % PALETTE.length]!;
}

export interface ChartInput {
  buckets: { start: Date; counts: Record<string, number> }[];
  bucket: Bucket;
}

export interface ChartSegment {
  reason: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  title: string;
}

export interface ChartLayout {
  segments: ChartSegment[];
  yTicks: { value: number; y: number }[];
  xTicks: { label: string; x: number }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

export function bucketLabel(start: Date, bucket: Bucket): string {
  const iso = start.toISOString();
  return bucket === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : bucket === "day" ? iso.slice(0, 10) : `week of ${iso.slice(0, 10)}`;
}

/** A round axis maximum at or above the tallest bar: 1, 2 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

export function layoutChart({ buckets, bucket }: ChartInput): ChartLayout {
  const plot = { left: PLOT_LEFT, top: PLOT_TOP, right: CHART_WIDTH - 8, bottom: CHART_HEIGHT - PLOT_BOTTOM };
  const totals = buckets.map((b) => Object.values(b.counts).reduce((sum, n) => sum + n, 0));
  const max = niceMaximum(Math.max(0, ...totals));
  const slot = (plot.right - plot.left) / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot * 0.8);
  const scale = (plot.bottom - plot.top) / max;
  const segments: ChartSegment[] = [];
  buckets.forEach((b, index) => {
    let top = plot.bottom;
    // Stacked in reason-code order, so each reason keeps its place from bar to bar.
    for (const reason of Object.keys(b.counts).sort()) {
      const count = b.counts[reason]!;
      const height = count * scale;
      top -= height;
      segments.push({
        reason, count, colour: reasonColour(reason),
        x: plot.left + index * slot + (slot - barWidth) / 2, y: top, width: barWidth, height,
        title: `${bucketLabel(b.start, bucket)} · ${reason}: ${count.toLocaleString("en")}`,
      });
    }
  });
  const yTicks = [0, max / 2, max].filter(Number.isInteger).map((value) => ({ value, y: plot.bottom - value * scale }));
  // About six labels whatever the number of bars.
  const every = Math.max(1, Math.ceil(buckets.length / 6));
  const xTicks = buckets
    .map((b, index) => ({ b, index }))
    .filter(({ index }) => index % every === 0)
    .map(({ b, index }) => ({
      label: bucket === "hour" ? b.start.toISOString().slice(5, 16).replace("T", " ") : b.start.toISOString().slice(5, 10),
      x: plot.left + index * slot + slot / 2,
    }));
  return { segments, yTicks, xTicks, plot };
}
