// Short, readable names for event types in the table and detail view.
export const EVENT_TYPE_LABELS: Record<string, string> = {
  "sso.login.succeeded": "Signed in",
  "sso.redirect_flow.rejected": "Rejected",
  "sso.cookie_flow.rejected": "Rejected (hc_jwt cookie)",
  "widget_jwt.rejected": "Rejected (widget/API)",
  "sso.logout": "Signed out",
};

export function formatUtc(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 19)}`;
}
