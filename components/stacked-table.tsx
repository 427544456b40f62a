import type { ReactNode } from "react";

// A list that is a table from md up and, on a phone, one short stack per row instead of a row that
// pans off-screen (Logs, Audit). CSS display changes drop a table's semantics in some browsers, so
// the roles are spelled out. Rows and cells style their own stacking (block → md:table-row/cell).

export function StackedTable({ caption, columns, children }: { caption?: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table role="table" className="block w-full text-left text-sm md:table">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead role="rowgroup" className="sr-only border-b border-slate-200 text-slate-600 md:not-sr-only md:table-header-group">
        <tr role="row">
          {columns.map((column, index) => (
            <th key={column} role="columnheader" scope="col" className={index < columns.length - 1 ? "py-2 pr-4" : "py-2"}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="block divide-y divide-slate-100 md:table-row-group">{children}</tbody>
    </table>
  );
}
