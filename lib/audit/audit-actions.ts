// What each audit action is called on the Audit page and in its export, and which part of the
// dashboard it belongs to (the page's filter). Pure.

// Named as the dashboard's menu names the pages where these changes are made.
export const AUDIT_AREAS = {
  general: "General",
  sso: "Security → SSO",
  members: "Members",
  content: "Content",
  requests: "Requests",
  people: "People",
} as const;

export type AuditArea = keyof typeof AUDIT_AREAS;

// Every action the code writes. Typed: an entry whose action is missing here (or misspelt) does not
// compile, so the Audit page never shows a raw action name for one of ours.
export const AUDIT_ACTIONS = {
  "tenant.created": { label: "Created the help center", area: "general" },
  "tenant.settings.updated": { label: "Changed general settings", area: "general" },
  "tenant.custom_domain.changed": { label: "Changed the custom domain", area: "general" },
  "tenant.custom_domain.requested": { label: "Asked to use a custom domain", area: "general" },
  "tenant.custom_domain.request_cancelled": { label: "Cancelled a custom domain request", area: "general" },
  "tenant.custom_domain.redirect_changed": { label: "Changed whether readers are sent to the custom domain", area: "general" },
  "tenant.visibility.changed": { label: "Changed visibility", area: "sso" },
  "sso.settings.updated": { label: "Changed JWT settings", area: "sso" },
  "sso.secret.generated": { label: "Generated the shared secret", area: "sso" },
  "sso.secret.regenerated": { label: "Regenerated the shared secret", area: "sso" },
  "sso.secret.revealed": { label: "Revealed the shared secret", area: "sso" },
  "sso.secret.pasted": { label: "Set a pasted shared secret", area: "sso" },
  "sso.enabled": { label: "Turned SSO on", area: "sso" },
  "sso.disabled": { label: "Turned SSO off", area: "sso" },
  "sso.allowed_domains.updated": { label: "Changed the Allowed domains", area: "sso" },
  "sso.test_token_minted": { label: "Minted a test token", area: "sso" },
  "sso.sessions.ended_all": { label: "Signed every reader out", area: "sso" },
  "member.invited": { label: "Invited a member", area: "members" },
  "member.joined": { label: "Joined by invite", area: "members" },
  "member.role_changed": { label: "Changed a member's role", area: "members" },
  "member.removed": { label: "Removed a member", area: "members" },
  "member.invite_revoked": { label: "Revoked an invite", area: "members" },
  "content.category.created": { label: "Created a category", area: "content" },
  "content.category.updated": { label: "Edited a category", area: "content" },
  "content.category.deleted": { label: "Deleted a category", area: "content" },
  "content.article.created": { label: "Created an article", area: "content" },
  "content.article.updated": { label: "Edited an article", area: "content" },
  "content.article.deleted": { label: "Deleted an article", area: "content" },
  "request.replied": { label: "Replied to a request", area: "requests" },
  "request.status_changed": { label: "Changed a request's status", area: "requests" },
  "end_user.suspended": { label: "Suspended a reader", area: "people" },
  "end_user.unsuspended": { label: "Lifted a reader's suspension", area: "people" },
  "end_user.signed_out": { label: "Signed a reader out everywhere", area: "people" },
} as const satisfies Record<string, { label: string; area: AuditArea }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** The action's name for people; an action this build does not know (a newer one) as it is stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}

/** The stored action names an area's filter matches. */
export function actionsInArea(area: AuditArea): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => AUDIT_ACTIONS[action].area === area);
}

export function isAuditArea(value: unknown): value is AuditArea {
  return typeof value === "string" && Object.hasOwn(AUDIT_AREAS, value);
}
