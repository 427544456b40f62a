"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The results of a paged list (Logs, Audit, People). When the page changes under a client-side
 * navigation ("Older entries", "Newest"), focus moves here, so a keyboard or screen-reader user
 * carries on from the first row of the new page instead of from a link that is gone or the top of
 * the document. Only on a change of `page`: the first render leaves focus where the browser put it.
 */
export function PagedResults({ page, label, className, children }: { page: string; label: string; className?: string; children: ReactNode }) {
  const region = useRef<HTMLElement>(null);
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    region.current?.focus();
  }, [page]);
  return (
    // Focusable by script only (tabIndex -1): a container, not a control, so it draws no ring.
    <section ref={region} tabIndex={-1} aria-label={label} className={`focus:outline-none ${className ?? ""}`}>
      {children}
    </section>
  );
}
