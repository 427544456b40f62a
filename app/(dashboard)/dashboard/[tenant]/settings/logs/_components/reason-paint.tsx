import type { ReasonStyle } from "@/lib/logs/chart-layout";

// A reason's look in SVG: its colour, or its colour with stripes, dots or cross-hatching in its ink
// (lib/logs/chart-layout.ts decides which), the same in the bars and in the legend's swatches.

/** The `fill` for a reason: its colour, or the pattern <ReasonPattern id={id}> defines. */
export function reasonPaint(style: ReasonStyle, id: string): string {
  return style.fill === "solid" ? style.colour : `url(#${id})`;
}

/** Nothing for a solid reason; otherwise the <pattern> reasonPaint refers to, for an SVG's <defs>. */
export function ReasonPattern({ id, style }: { id: string; style: ReasonStyle }) {
  if (style.fill === "solid") return null;
  const rising = "M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2";
  const falling = "M-1,3 l2,2 M0,0 l4,4 M3,-1 l2,2";
  return (
    <pattern id={id} width="4" height="4" patternUnits="userSpaceOnUse">
      <rect width="4" height="4" fill={style.colour} />
      {style.fill === "dots" ? <circle cx="2" cy="2" r="0.9" fill={style.ink} /> : <path d={rising} stroke={style.ink} strokeWidth="0.8" />}
      {style.fill === "crosshatch" && <path d={falling} stroke={style.ink} strokeWidth="0.8" />}
    </pattern>
  );
}

/** The legend's swatch: the reason's paint, outlined so even the palest colour stands out on white. */
export function ReasonSwatch({ reason, style }: { reason: string; style: ReasonStyle }) {
  const id = `reason-swatch-${reason}`;
  return (
    <svg aria-hidden width="12" height="12" viewBox="0 0 12 12" className="shrink-0">
      <defs><ReasonPattern id={id} style={style} /></defs>
      <rect x="0.5" y="0.5" width="11" height="11" rx="1.5" fill={reasonPaint(style, id)} stroke="#334155" />
    </svg>
  );
}
