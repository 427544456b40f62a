import { STATUS_BADGE_CLASSES, STATUS_LABELS } from "@/lib/requests/display";
import type { RequestStatus } from "@/lib/requests/schemas";

// A request's status as a labelled pill, the same on the help center and in the dashboard.
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_BADGE_CLASSES[status]}`}>{STATUS_LABELS[status]}</span>;
}
