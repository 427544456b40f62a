import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSignedInEndUser, type SignedInEndUser } from "@/lib/data/end-user-sessions";
import type { TenantSummary } from "@/lib/data/tenants";
import { endedSessionResumesFromJwtCookie, JWT_COOKIE } from "@/lib/sso/jwt-cookie";
import { JWT_COOKIE_MARKER, SESSION_COOKIE } from "@/lib/sso-web/cookies";
import { isPageLoad } from "@/lib/sso-web/page-load";
import { env } from "@/lib/env";
import { currentSite, requireCurrentTenant } from "@/lib/tenant/current-tenant";
import { sameAddressOn } from "@/lib/tenant/custom-domain-redirect";
import { helpCenterAddress } from "@/lib/tenant/help-center-address";
import { ORIGINAL_PATH_HEADER } from "@/lib/tenant/original-path";

export interface Viewer {
  tenant: TenantSummary;
  /** null: not signed in */
  user: SignedInEndUser | null;
}

/** The help center of this host and who is looking at it. One session query per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const tenant = await requireCurrentTenant();
  await sendToCustomDomainIfAsked(tenant);
  const jar = await cookies();
  const cookie = jar.get(SESSION_COOKIE)?.value;
  const user = cookie ? await findSignedInEndUser(tenant.id, cookie) : null;
  // A session an admin ended early that the hc_jwt cookie had started: sign in from the cookie
  // again (lib/sso/jwt-cookie.ts). Page loads only, as for /sso/login: a client-side navigation,
  // a server action or a speculative prefetch renders signed out, and the next page load picks
  // the cookie up.
  if (cookie && !user && isPageLoad({ headers: await headers() }, { framesToo: true })) {
    if (await endedSessionResumesFromJwtCookie(jar.get(JWT_COOKIE)?.value, jar.get(JWT_COOKIE_MARKER)?.value)) {
      redirect(`/sso/cookie?${new URLSearchParams({ return_to: await wantedPath() })}`);
    }
  }
  return { tenant, user };
});

/**
 * A help center whose admin chose to send readers to its custom domain: a page of the Gatehouse
 * address redirects to the same page there (307, not permanent: the admin may turn it off again,
 * and browsers would remember a permanent one). Not a server action: its POST would be lost on the
 * way, and a page open since before the switch should still submit.
 */
async function sendToCustomDomainIfAsked(tenant: TenantSummary): Promise<void> {
  if (!tenant.sendReadersTo || (await currentSite()).kind !== "subdomain") return;
  if ((await headers()).has("next-action")) return;
  const { origin } = helpCenterAddress({ subdomain: tenant.subdomain, customDomain: tenant.sendReadersTo }, env.APP_URL);
  redirect(sameAddressOn(origin, await wantedPath()));
}

/** The path (and query) the visitor asked for, as the proxy recorded it before rewriting. */
async function wantedPath(): Promise<string> {
  return (await headers()).get(ORIGINAL_PATH_HEADER) ?? "/";
}

/** The sign-in start URL that brings the visitor back to the page they asked for. */
export async function signInPath(): Promise<string> {
  return `/sso/login?${new URLSearchParams({ return_to: await wantedPath() })}`;
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
