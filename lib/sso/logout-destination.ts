// Where /sso/logout sends the browser once the session is over. Pure.
//
// The Logout URL is the tenant's page for people leaving the help center. A common first
// integration makes that page sign the user out of the tenant's app and then send the browser to
// the help center's /sso/logout too, "to be sure": which sends it to the Logout URL again, and so
// on until the browser gives up with a redirect error. Gatehouse remembers for a few seconds that
// it just sent this browser to the Logout URL; when the browser is back with no session left to
// end, the loop is stopped on the help center's own "You are signed out" page.

/** How long a browser counts as just sent to the Logout URL: a redirect back arrives within seconds. */
export const SENT_TO_LOGOUT_URL_SECONDS = 30;

export type LogoutDestination = "logout_url" | "signed_out_page";

export function logoutDestination(input: {
  /** the tenant's Logout URL, already parsed and valid; null when none is set */
  hasLogoutUrl: boolean;
  /** this request ended a session */
  endedSession: boolean;
  /** the browser holds our marker: we sent it to the Logout URL moments ago */
  justSentToLogoutUrl: boolean;
}): LogoutDestination {
  if (!input.hasLogoutUrl) return "signed_out_page";
  // Back from the Logout URL with nothing left to end: going there again would only loop. A
  // browser that signed in again meanwhile has a session to end, and goes to the Logout URL as usual.
  if (input.justSentToLogoutUrl && !input.endedSession) return "signed_out_page";
  return "logout_url";
}
