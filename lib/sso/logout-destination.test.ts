import { describe, expect, it } from "vitest";
import { logoutDestination } from "./logout-destination";

describe("logoutDestination", () => {
  it.each([
    // [has Logout URL, ended a session, just sent to the Logout URL, destination]
    [false, true, false, "signed_out_page"],
    [false, false, false, "signed_out_page"],
    [false, false, true, "signed_out_page"],
    [true, true, false, "logout_url"],
    // Nobody signed in, and no sign of a loop: a link from the tenant's app still ends at its page.
    [true, false, false, "logout_url"],
    // Back from the Logout URL with nothing to end: the loop stops here.
    [true, false, true, "signed_out_page"],
    // Signed in again since: that session ends and the Logout URL is visited as usual.
    [true, true, true, "logout_url"],
  ] as const)("Logout URL %s, ended a session %s, just sent there %s → %s", (hasLogoutUrl, endedSession, justSentToLogoutUrl, destination) => {
    expect(logoutDestination({ hasLogoutUrl, endedSession, justSentToLogoutUrl })).toBe(destination);
  });
});
