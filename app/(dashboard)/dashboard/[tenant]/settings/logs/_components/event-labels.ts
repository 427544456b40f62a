// Short, readable names for event types in the table and detail view, and the filters' choices.
import { ANY_REJECTION, EVENT_TYPES } from "@/lib/logs/log-query";
import { REASONS, REJECTION_REASONS } from "@/lib/sso/reasons";

export const EVENT_TYPE_LABELS: Record<string, string> = {
  "sso.login.succeeded": "Signed in",
  // Named for where it happened, like the other two kinds: a bare "Rejected" read as every refusal.
  "sso.redirect_flow.rejected": "Rejected (sign-in redirect)",
  "sso.cookie_flow.rejected": "Rejected (hc_jwt cookie)",
  "widget_jwt.rejected": "Rejected (widget/API)",
  "sso.logout": "Signed out",
};

/** The Event filter's choices, in words: the same names as the table, and every refusal at once. */
export const EVENT_FILTER_OPTIONS = [
  { value: ANY_REJECTION, label: "Any rejection" },
  ...EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type]! })),
];

/** The Reason filter's choices: the code the visitor was shown, then what it means. */
export const REASON_FILTER_OPTIONS = REJECTION_REASONS.map((reason) => ({ value: reason, label: `${reason} · ${REASONS[reason].title}` }));

