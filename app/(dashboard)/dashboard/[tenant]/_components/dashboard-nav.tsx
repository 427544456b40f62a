"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  group?: string;
}

export function DashboardNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // On a phone the items wrap onto as many rows as they need: a row that scrolled sideways cut
  // off at "Gen…" with nothing saying there was more.
  return (
    <nav aria-label="Dashboard" className="px-2 pb-2 md:px-3">
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {items.map((item, index) => {
          // A section stays highlighted on its sub-pages (an article's editor is still "Content");
          // the first item, the overview, only on itself.
          const current = pathname === item.href || (index > 0 && pathname.startsWith(`${item.href}/`));
          const showGroup = item.group && items[index - 1]?.group !== item.group;
          return (
            <li key={item.href} className="shrink-0">
              {showGroup && <p className="hidden px-3 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-500 md:block">{item.group}</p>}
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm ${current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-200"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
