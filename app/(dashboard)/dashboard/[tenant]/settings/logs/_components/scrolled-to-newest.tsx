"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A sideways-scrolling box that opens at its right end. Time runs left to right in the chart, and
 * on a narrow screen the newest buckets (what support is usually looking for) would start out of view.
 */
export function ScrolledToNewest({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, []);
  return (
    <div ref={box} role="region" className="overflow-x-auto" tabIndex={0} aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
