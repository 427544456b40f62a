import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { findMembership, type MemberRole, type TenantMembership } from "@/lib/data/memberships";
import { authOptions } from "./options";

export const ALL_ROLES: readonly MemberRole[] = ["owner", "admin", "support", "editor"];
/** Who manages settings and secrets. */
export const SETTINGS_ROLES: readonly MemberRole[] = ["owner", "admin"];
/** Who works on help-center content. */
export const CONTENT_ROLES: readonly MemberRole[] = ["owner", "admin", "editor"];
/** Who reads the sign-in logs. */
export const LOG_ROLES: readonly MemberRole[] = ["owner", "admin", "support"];

export interface SignedInMember extends TenantMembership {
  userId: string;
  email: string;
}

/** The signed-in dashboard user's id, or null. */
export async function currentUserId(): Promise<{ id: string; email: string } | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  return user?.id ? { id: user.id, email: user.email ?? "" } : null;
}

/**
 * Every dashboard page, action and route calls this itself. Not signed in: to the sign-in page.
 * Not a member of that tenant (or no such tenant): 404, which says nothing about whether it
 * exists. A member without one of `roles`: 403.
 */
export async function requireMember(subdomain: string, roles: readonly MemberRole[] = ALL_ROLES): Promise<SignedInMember> {
  const user = await currentUserId();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: `/dashboard/${subdomain}` })}`);
  const membership = await findMembership(user.id, subdomain);
  if (!membership) notFound();
  if (!roles.includes(membership.role)) forbidden();
  return { ...membership, userId: user.id, email: user.email };
}

/**
 * For route handlers, which answer with a status instead of a page: 401 when not signed in, 404
 * when not a member of that tenant, 403 without one of `roles`.
 */
export async function memberForRoute(subdomain: string, roles: readonly MemberRole[]): Promise<SignedInMember | Response> {
  const user = await currentUserId();
  if (!user) return new Response("Sign in to the dashboard first.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const membership = await findMembership(user.id, subdomain);
  if (!membership) return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!roles.includes(membership.role)) return new Response("Your role cannot do this.\n", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  return { ...membership, userId: user.id, email: user.email };
}
