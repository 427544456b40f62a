"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";

/** A link to this tenant's Overview, for not-found.tsx: a not-found page gets no params of its own. */
export function OverviewLink({ className, children }: { className?: string; children: ReactNode }) {
  const { tenant } = useParams<{ tenant: string }>();
  return (
    <Link href={`/dashboard/${tenant}`} className={className}>
      {children}
    </Link>
  );
}
