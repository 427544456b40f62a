import "server-only";
import { redirect } from "next/navigation";
import type { SignedInEndUser } from "@/lib/data/end-user-sessions";
import { getViewer, signInPath, type Viewer } from "@/lib/help-center/viewer";

// Requests belong to a person, so /requests needs a signed-in end user on every help center,
// public ones included (their content is open; their requests are not).

export interface Requester extends Viewer {
  user: SignedInEndUser;
}

/**
 * For the /requests pages: the signed-in end user, or a redirect into the sign-in flow that comes
 * back to this page. Null when the help center has no working sign-in: sending the visitor to
 * /sso/login would only show "sign-in is not set up", so the page explains it instead.
 */
export async function requireRequester(): Promise<Requester | null> {
  const viewer = await getViewer();
  if (viewer.user) return viewer as Requester;
  if (viewer.tenant.signInWorks) redirect(await signInPath());
  return null;
}

/**
 * For server actions, which are reachable by a direct POST: the end user of a live session on this
 * host's tenant, or null. Never redirects: the form says the session ended and keeps what was typed.
 */
export async function actingRequester(): Promise<Requester | null> {
  const viewer = await getViewer();
  return viewer.user ? (viewer as Requester) : null;
}
