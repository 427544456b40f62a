// Geometry of the rejections chart (stacked bars per bucket), computed on the server so the SVG
// arrives finished: nothing moves when the page hydrates. Pure.
import type { RejectionReason } from "@/lib/sso/reasons";
import type { Bucket } from "./log-query";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 200;
const PLOT_LEFT = 56;
const PLOT_TOP = 8;
const PLOT_BOTTOM = 24;

// Each reason's look, fixed, so token_expired looks the same on every page and day. Colours are
// Okabe & Ito's eight (the categorical palette made to stay apart for colour-blind readers too);
// 27 reasons need more than eight, so a reason is a colour and a fill: the eight refusals support
// meets most are solid, the others striped, dotted or cross-hatched. No two reasons with the same
// fill share a colour (chart-layout.test.ts measures them), and every bar's segment says its reason
// in its tooltip.
export const OKABE_ITO = {
  black: "#000000", orange: "#e69f00", skyBlue: "#56b4e9", bluishGreen: "#009e73",
  yellow: "#f0e442", blue: "#0072b2", vermillion: "#d55e00", reddishPurple: "#cc79a7",
} as const;

export type ReasonFill = "solid" | "stripes" | "dots" | "crosshatch";

export interface ReasonStyle {
  colour: string;
  fill: ReasonFill;
  /** The stripes' or dots' colour: dark on the light colours, white on the dark ones. */
  ink: string;
}

const STYLES: Record<RejectionReason, [keyof typeof OKABE_ITO, ReasonFill]> = {
  token_expired: ["blue", "solid"],
  bad_signature: ["vermillion", "solid"],
  iat_in_future: ["orange", "solid"],
  token_too_old: ["reddishPurple", "solid"],
  key_mismatch: ["bluishGreen", "solid"],
  token_malformed: ["black", "solid"],
  jti_replayed: ["skyBlue", "solid"],
  audience_mismatch: ["yellow", "solid"],

  issuer_mismatch: ["orange", "stripes"],
  missing_claim: ["vermillion", "stripes"],
  alg_not_allowed: ["skyBlue", "stripes"],
  invalid_claim: ["bluishGreen", "stripes"],
  not_yet_valid: ["blue", "stripes"],
  key_expired: ["reddishPurple", "stripes"],
  key_required: ["black", "stripes"],
  origin_not_allowed: ["yellow", "stripes"],

  sso_not_configured: ["blue", "dots"],
  token_missing: ["orange", "dots"],
  exp_too_far: ["vermillion", "dots"],
  token_kind_mismatch: ["bluishGreen", "dots"],
  claims_malformed: ["reddishPurple", "dots"],
  user_suspended: ["skyBlue", "dots"],
  user_conflict: ["black", "dots"],
  too_many_sign_in_starts: ["yellow", "dots"],

  token_ambiguous: ["blue", "crosshatch"],
  token_too_large: ["vermillion", "crosshatch"],
  unsupported_header: ["bluishGreen", "crosshatch"],
};

const UNKNOWN_STYLE: ReasonStyle = { colour: "#64748b", fill: "solid", ink: "#ffffff" };

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function reasonStyle(reason: string): ReasonStyle {
  const style = (STYLES as Record<string, [keyof typeof OKABE_ITO, ReasonFill] | undefined>)[reason];
  if (!style) return UNKNOWN_STYLE;
  const colour = OKABE_ITO[style[0]];
  return { colour, fill: style[1], ink: luminance(colour) > 0.35 ? "#1e293b" : "#ffffff" };
}

export function reasonColour(reason: string): string {
  return reasonStyle(reason).colour;
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
  fill: ReasonFill;
  ink: string;
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
        reason, count, ...reasonStyle(reason),
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
