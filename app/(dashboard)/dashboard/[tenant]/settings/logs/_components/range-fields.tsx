"use client";
import { useState } from "react";
import { RANGE_LABELS, type RangePreset } from "@/lib/logs/log-query";

// The time-range select; "Custom" reveals from/to (UTC). Hidden fields are disabled so they are
// not submitted and a preset never mixes with stale dates. `problem`: why the custom range asked
// for could not be used (no date, or none readable), said next to the dates while Custom is chosen.
export function RangeFields({ range, from, to, problem }: { range: RangePreset | "custom"; from?: string; to?: string; problem?: string }) {
  const [selected, setSelected] = useState(range);
  const custom = selected === "custom";
  const invalid = custom && problem ? { "aria-invalid": true, "aria-describedby": "range-problem" } : {};
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
            <input id="from" name="from" type="datetime-local" defaultValue={from} {...invalid} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-600" />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-medium">To (UTC)</label>
            <input id="to" name="to" type="datetime-local" defaultValue={to} {...invalid} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-600" />
          </div>
          {/* Beside the To field on a wide screen (it fills the rest of that row), under it on a phone; a
              status, as the notice it replaced was, so it is read out when the filtered page loads. */}
          {problem && <p id="range-problem" role="status" className="self-end text-sm text-red-700 lg:col-span-3 lg:pb-2">{problem}</p>}
        </>
      )}
    </>
  );
}
