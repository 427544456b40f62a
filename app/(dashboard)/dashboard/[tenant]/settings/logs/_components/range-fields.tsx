"use client";
import { useState } from "react";
import { RANGE_LABELS, type RangePreset } from "@/lib/logs/log-query";

// The time-range select; "Custom" reveals from/to (UTC). Hidden fields are disabled so they are
// not submitted and a preset never mixes with stale dates.
export function RangeFields({ range, from, to }: { range: RangePreset | "custom"; from?: string; to?: string }) {
  const [selected, setSelected] = useState(range);
  const custom = selected === "custom";
  return (
    <>
      <div>
        <label htmlFor="range" className="block text-sm font-medium">Time range</label>
        <select id="range" name="range" value={selected} onChange={(event) => setSelected(event.target.value as RangePreset | "custom")} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm">
          {Object.entries(RANGE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      {custom && (
        <>
          <div>
            <label htmlFor="from" className="block text-sm font-medium">From (UTC)</label>
            <input id="from" name="from" type="datetime-local" defaultValue={from} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">To (UTC)</label>
            <input id="to" name="to" type="datetime-local" defaultValue={to} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          </div>
        </>
      )}
    </>
  );
}
