import Link from "next/link";
import { CHART_HEIGHT, CHART_WIDTH, layoutChart, reasonStyle } from "@/lib/logs/chart-layout";
import type { Bucket } from "@/lib/logs/log-query";
import { ReasonPattern, reasonPaint, ReasonSwatch } from "./reason-paint";
import { ScrolledToNewest } from "./scrolled-to-newest";

const BUCKET_WORD: Record<Bucket, string> = { hour: "hour", day: "day", week: "week" };

interface Props {
  buckets: { start: Date; counts: Record<string, number> }[];
  totals: Record<string, number>;
  bucket: Bucket;
  rangeLabel: string;
  /** The logs URL with this reason as the filter (other filters kept). */
  reasonHref: (reason: string) => string;
}

const barFill = (reason: string) => `reason-fill-${reason}`;

// Rejections over the selected range, stacked by reason, drawn as SVG on the server: the figure
// arrives at its final size and nothing shifts when the page hydrates. The per-reason counts
// beside it are the same figures as text (and links that filter the table by that reason).
export function RejectionChart({ buckets, totals, bucket, rangeLabel, reasonHref }: Props) {
  const total = Object.values(totals).reduce((sum, n) => sum + n, 0);
  const reasons = Object.entries(totals).sort((a, b) => b[1] - a[1]);
  const layout = layoutChart({ buckets, bucket });
  const { plot } = layout;
  const patterned = [...new Set(layout.segments.filter((segment) => segment.fill !== "solid").map((segment) => segment.reason))];
  return (
    <section aria-labelledby="rejections-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="rejections-heading" className="text-sm font-semibold">
        Rejections per {BUCKET_WORD[bucket]} · {rangeLabel} · <span data-testid="rejection-total">{total.toLocaleString("en")}</span> in total
      </h2>
      <div className="mt-3">
        {/* Below ~720 px the figure would shrink its labels to a few pixels: it keeps a readable
            width and scrolls sideways in its own box instead (the page itself never pans), opening on
            the newest end. */}
        <ScrolledToNewest label="Rejections chart (scrolls sideways on narrow screens)" testId="rejection-chart-scroller">
          {/* One grid cell holds the figure and, over its left edge, the y axis: sticky, so on a
              phone the scale stays in view while the bars scroll under it. The axis is the same
              fraction of the width as in the figure, so both are drawn at the same scale. */}
          <div className="grid min-w-[720px]">
            <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} className="col-start-1 row-start-1 block h-auto w-full" role="img" aria-label={`Rejections per ${BUCKET_WORD[bucket]}, ${rangeLabel}: ${total.toLocaleString("en")} in total. The counts per reason follow as a list.`}>
              <defs>
                {patterned.map((reason) => <ReasonPattern key={reason} id={barFill(reason)} style={reasonStyle(reason)} />)}
              </defs>
              {layout.yTicks.map((tick) => (
                <line key={tick.value} x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
              ))}
              {layout.segments.map((segment, index) => (
                <rect key={index} x={segment.x} y={segment.y} width={segment.width} height={Math.max(segment.height, 0.5)} fill={reasonPaint(segment, barFill(segment.reason))}>
                  <title>{segment.title}</title>
                </rect>
              ))}
              {layout.xTicks.map((tick) => (
                <text key={tick.x} x={tick.x} y={CHART_HEIGHT - 6} textAnchor="middle" fontSize="11" fill="#64748b">{tick.label}</text>
              ))}
            </svg>
            <svg
              aria-hidden
              data-testid="rejection-chart-y-axis"
              viewBox={`0 0 ${plot.left} ${CHART_HEIGHT}`}
              className="pointer-events-none sticky left-0 col-start-1 row-start-1 block h-auto self-start"
              style={{ width: `${(plot.left / CHART_WIDTH) * 100}%` }}
            >
              {/* Down to just below the plot: the first date label may reach under the axis. */}
              <rect width={plot.left} height={plot.bottom + 8} fill="#ffffff" />
              <line x1={plot.left - 0.5} x2={plot.left - 0.5} y1={plot.top} y2={plot.bottom} stroke="#cbd5e1" />
              {layout.yTicks.map((tick) => (
                <text key={tick.value} x={plot.left - 6} y={tick.y + 4} textAnchor="end" fontSize="11" fill="#64748b">{tick.value.toLocaleString("en")}</text>
              ))}
            </svg>
          </div>
        </ScrolledToNewest>
        <div className="mt-3">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Per reason</h3>
          {reasons.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No rejections in this range.</p>
          ) : (
            <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4" aria-label="Rejections per reason">
              {reasons.map(([reason, count]) => (
                <li key={reason} className="flex items-center gap-2">
                  <ReasonSwatch reason={reason} style={reasonStyle(reason)} />
                  <Link href={reasonHref(reason)} className="font-mono text-xs hover:underline">{reason}</Link>
                  <span className="ml-auto tabular-nums">{count.toLocaleString("en")}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
