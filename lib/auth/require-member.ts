import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findMembership, type MemberRole, type TenantMembership } from "@/lib/data/memberships";
import { authOptions } from "./options";
import { ALL_ROLES } from "./roles";

export { ALL_ROLES, CONTENT_ROLES, LOG_ROLES, MEMBER_MANAGER_ROLES, REQUEST_ROLES, SETTINGS_ROLES } from "./roles";

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

type MemberLookup = { ok: true; member: SignedInMember } | { ok: false; status: 401 | 403 | 404 };

/** Who is asking, and may they: the one decision both requireMember and memberForRoute answer. */
async function lookUpMember(subdomain: string, roles: readonly MemberRole[]): Promise<MemberLookup> {
  const user = await currentUserId();
  if (!user) return { ok: false, status: 401 };
  const membership = await findMembership(user.id, subdomain);
  if (!membership) return { ok: false, status: 404 };
  if (!roles.includes(membership.role)) return { ok: false, status: 403 };
  return { ok: true, member: { ...membership, userId: user.id, email: user.email } };
}

/**
 * Every dashboard page and action calls this itself. Not signed in: to the sign-in page.
 * Not a member of that tenant (or no such tenant): 404, which says nothing about whether it
 * exists. A member without one of `roles`: 403.
 */
export async function requireMember(subdomain: string, roles: readonly MemberRole[] = ALL_ROLES): Promise<SignedInMember> {
  const found = await lookUpMember(subdomain, roles);
  if (found.ok) return found.member;
  if (found.status === 401) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: `/dashboard/${subdomain}` })}`);
  if (found.status === 404) notFound();
  forbidden();
}

const ROUTE_REFUSALS: Record<401 | 403 | 404, string> = {
  401: "Sign in to the dashboard first.\n",
  403: "Your role cannot do this.\n",
  404: "Not found.\n",
};

/** For route handlers, which answer with a status instead of a page (same rules as requireMember). */
export async function memberForRoute(subdomain: string, roles: readonly MemberRole[]): Promise<SignedInMember | Response> {
  const found = await lookUpMember(subdomain, roles);
  if (found.ok) return found.member;
  return new Response(ROUTE_REFUSALS[found.status], { status: found.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * A dashboard record for a page and its title alike. A title that names the record (a request's
 * subject, a person's name) must ask what the page asks (session, membership, role) before reading
 * it; React's cache() makes that one check and one read per request for the two.
 */
export function memberRecordLoader<T>(roles: readonly MemberRole[], find: (tenantId: string, id: string) => Promise<T | null>) {
  return cache(async (subdomain: string, id: string): Promise<{ member: SignedInMember; record: T | null }> => {
    const member = await requireMember(subdomain, roles);
    return { member, record: await find(member.tenant.id, id) };
  });
}
