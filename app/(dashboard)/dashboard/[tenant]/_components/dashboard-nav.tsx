"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export interface NavItem {
  href: string;
  label: string;
  group?: string;
}

export function DashboardNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a phone the menu is one row that scrolls sideways: bring the current page's item into view,
  // or Settings pages would open with no highlighted item in sight.
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && nav.current && nav.current.scrollWidth > nav.current.clientWidth) {
      current.scrollIntoView({ block: "nearest", inline: "center" });
    }
  }, [pathname]);
  return (
    <nav ref={nav} aria-label="Dashboard" className="overflow-x-auto px-2 pb-2 md:px-3">
      <ul className="flex gap-1 md:flex-col">
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
