import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSignedInEndUser, type SignedInEndUser } from "@/lib/data/end-user-sessions";
import type { TenantSummary } from "@/lib/data/tenants";
import { SESSION_COOKIE } from "@/lib/sso-web/cookies";
import { requireCurrentTenant } from "@/lib/tenant/current-tenant";
import { ORIGINAL_PATH_HEADER } from "@/lib/tenant/original-path";

export interface Viewer {
  tenant: TenantSummary;
  /** null: not signed in */
  user: SignedInEndUser | null;
}

/** The help center of this host and who is looking at it. One session query per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const tenant = await requireCurrentTenant();
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  const user = cookie ? await findSignedInEndUser(tenant.id, cookie) : null;
  return { tenant, user };
});

/** The sign-in start URL that brings the visitor back to the page they asked for. */
export async function signInPath(): Promise<string> {
  const wanted = (await headers()).get(ORIGINAL_PATH_HEADER) ?? "/";
  return `/sso/login?${new URLSearchParams({ return_to: wanted })}`;
}

/**
 * For every content page: a private help center's content is only for signed-in end users;
 * everyone else is sent into the sign-in flow. Each page calls this itself (layouts render in
 * parallel with pages, so a check in the layout alone would not stop the page's queries).
 */
export async function requireReader(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer.tenant.visibility === "private" && !viewer.user) redirect(await signInPath());
  return viewer;
}

/** Groups that unlock restricted articles; none when signed out. */
export function viewerGroups(viewer: Viewer): string[] {
  return viewer.user?.groups ?? [];
}
