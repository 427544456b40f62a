// The audit export's rows: one header line, then one line per entry, details as JSON (a script can
// parse them). csv-stringify quotes; defuse() keeps an actor's email, which its owner typed, from
// running as a spreadsheet formula (details are a JSON object: they start with "{"). Pure.
import { stringify } from "csv-stringify/sync";
import { defuse } from "@/lib/logs/csv";
import { auditActionLabel } from "./audit-actions";

export interface ExportableAuditEntry {
  occurredAt: Date;
  actorEmail: string | null;
  action: string;
  details: unknown;
}

export const AUDIT_CSV_COLUMNS = ["occurred_at", "actor_email", "action", "action_label", "details"] as const;

export function auditCsvHeader(): string {
  return stringify([[...AUDIT_CSV_COLUMNS]]);
}

export function auditCsvRows(entries: ExportableAuditEntry[]): string {
  return stringify(
    entries.map((entry) => [
      entry.occurredAt.toISOString(),
      defuse(entry.actorEmail ?? ""),
      entry.action,
      auditActionLabel(entry.action),
      JSON.stringify(entry.details ?? {}),
    ]),
  );
}
