import type { RequestStatus } from "./schemas";

// How a request's status reads, to end users (what it means for them) and to staff (what to do).

export const STATUS_LABELS: Record<RequestStatus, string> = { open: "Open", answered: "Answered", closed: "Closed" };

/** Tailwind classes of the status badge; the label is always shown too, colour is never the only cue. */
export const STATUS_BADGE_CLASSES: Record<RequestStatus, string> = {
  open: "bg-amber-100 text-amber-900",
  answered: "bg-green-100 text-green-900",
  closed: "bg-slate-200 text-slate-700",
};

export const END_USER_STATUS_HINTS: Record<RequestStatus, string> = {
  open: "We have your request and will reply here.",
  answered: "We have replied. If you still need help, reply below and the request opens again.",
  closed: "This request is closed. If you need more help, raise a new request.",
};
