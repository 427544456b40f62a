import { ssoSetupState, type SsoSetup } from "@/lib/sso/sign-in-gate";

export interface OverviewSsoStatus {
  label: string;
  detail: string | null;
  working: boolean;
  /** The link to the SSO settings, in words that say what is waiting there. */
  action: string;
}

const STATUS = {
  "not-configured": { label: "Not configured", detail: null, working: false, action: "Set up SSO" },
  "switched-off": {
    label: "Off",
    detail: "A shared secret is set, but SSO is switched off: every token is refused until you turn it on.",
    working: false,
    action: "Turn SSO on",
  },
  "tokens-only": {
    label: "Widget and API only",
    detail: "Tokens work, but there is no Login URL: the help center offers no Sign in.",
    working: false,
    action: "SSO settings",
  },
  working: { label: "Configured", detail: null, working: true, action: "SSO settings" },
} as const satisfies Record<string, OverviewSsoStatus>;

/**
 * The Overview's SSO status. ssoSetupState's `off` covers two cases an admin fixes differently:
 * nothing set up yet (set it up), and a secret that is there with SSO switched off (one switch
 * turns it on; never "back on": it may never have been on). Calling the second "Not configured"
 * sent admins to set up what they had.
 */
export function overviewSsoStatus(setup: SsoSetup | null | undefined): OverviewSsoStatus {
  const state = ssoSetupState(setup);
  if (state !== "off") return STATUS[state];
  return setup?.hasSecret && !setup.enabled ? STATUS["switched-off"] : STATUS["not-configured"];
}
