import { REQUEST_STATUSES, type RequestStatus } from "@/lib/requests/schemas";

const OPTION_LABELS: Record<RequestStatus, string> = {
  open: "Open: still being worked on",
  answered: "Answered: waiting for the requester",
  closed: "Closed: nothing more to do",
};

export function StatusSelect({ id, label, defaultValue, error }: { id: string; label: string; defaultValue: RequestStatus; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={id} name="status" defaultValue={defaultValue} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        {REQUEST_STATUSES.map((status) => <option key={status} value={status}>{OPTION_LABELS[status]}</option>)}
      </select>
      {error && <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
