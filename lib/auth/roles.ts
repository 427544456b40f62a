// Which member roles may do what, per area of the dashboard. Pure: the actions check them through
// requireMember, and a change that must re-check its actor's role under a lock reads them here.
import type { MemberRole } from "@/lib/data/memberships";

export const ALL_ROLES: readonly MemberRole[] = ["owner", "admin", "support", "editor"];
/** Who manages settings and secrets. */
export const SETTINGS_ROLES: readonly MemberRole[] = ["owner", "admin"];
/** Who works on help-center content. */
export const CONTENT_ROLES: readonly MemberRole[] = ["owner", "admin", "editor"];
/** Who reads the sign-in logs. */
export const LOG_ROLES: readonly MemberRole[] = ["owner", "admin", "support"];
/** Who reads and answers end users' requests (the /requests portal). */
export const REQUEST_ROLES: readonly MemberRole[] = ["owner", "admin", "support"];
/** Who invites, changes and removes members (only an owner touches the owner role). */
export const MEMBER_MANAGER_ROLES: readonly MemberRole[] = SETTINGS_ROLES;
