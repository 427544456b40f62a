// The page a visitor sees when sign-in is refused: what failed in plain words, what the site owner
// should check, the reason code and request id for support, and a way to try again. Plain HTML
// with every value escaped; it never contains the token or anything secret.
import { REASONS, type RejectionReason } from "./reasons";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Escaped, with `backticked` parts (claim names, parameters) shown as code. */
function escapeWithCode(value: string): string {
  return escapeHtml(value).replace(/`([^`]+)`/g, "<code>$1</code>");
}

const STYLE = `
  body{margin:0;padding:0 1rem;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0f172a;background:#f8fafc}
  main{max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
  @media (max-width:30rem){main{margin:1.5rem auto;padding:1.25rem}}
  code{font-family:ui-monospace,monospace;font-size:.9em;background:#e2e8f0;border-radius:.25rem;padding:0 .25rem}
  h1{font-size:1.375rem;margin:0 0 .75rem} p{line-height:1.6;color:#334155}
  .hint{background:#f1f5f9;border-radius:.5rem;padding:.75rem 1rem;font-size:.9rem}
  dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;font-size:.85rem;color:#475569}
  dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all;user-select:all}
  a.button{display:inline-block;margin:1rem .5rem 0 0;background:oklch(0.52 0.16 255);color:#fff;padding:.5rem 1rem;border-radius:.375rem;text-decoration:none}
  a.button:focus{outline:3px solid #93c5fd}
`;

interface ErrorPageInput {
  helpCenterName: string;
  requestId: string;
  /** where "Try again" leads: the start of the sign-in flow */
  tryAgainUrl: string | null;
  /**
   * A way on without signing in: the home page of a public help center, or in the JWT cookie flow
   * the page the visitor asked for. Never on a private help center, where it would only start
   * another sign-in.
   */
  continueUrl?: string | null;
}

/**
 * Refusals a new attempt cannot change: the same person is refused again (suspended, or their
 * account cannot be matched), or the help center cannot sign anyone in. "Try again" would only
 * lead back to this page.
 */
const RETRY_CANNOT_HELP: ReadonlySet<RejectionReason> = new Set(["user_suspended", "user_conflict", "sso_not_configured"]);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * What the visitor can do, in their terms. Most refusals are the site's to fix (its token, its
 * settings), and the visitor should hear that it is not their doing; a few are theirs to act on.
 */
export function visitorAdvice(reason: RejectionReason, helpCenterName: string, canTryAgain: boolean): string {
  if (REASONS[reason].freshTokenFixes) {
    return canTryAgain ? "Signing in again usually fixes this: press Try again." : "Signing in again from the app you came from usually fixes this.";
  }
  switch (reason) {
    case "key_mismatch":
      return canTryAgain ? "Finish signing in in the browser you started in, or press Try again to start here." : "Finish signing in in the browser you started in.";
    case "key_required":
      // The site wants every sign-in to start here, which is what Try again does.
      return canTryAgain ? "Press Try again to sign in from the help center itself." : "This is a problem with how the site signs people in, not with anything you did.";
    case "too_many_sign_in_starts":
      // Usually a script on the visitor's network, or many unfinished tries: waiting frees places.
      return canTryAgain ? "Wait a few minutes, then press Try again." : "Wait a few minutes, then sign in again.";
    case "user_suspended":
      return `If you think this is a mistake, contact whoever runs ${helpCenterName}.`;
    case "user_conflict":
      return `Ask whoever runs ${helpCenterName} to check your account.`;
    default:
      return "This is a problem with how the site signs people in, not with anything you did.";
  }
}

/**
 * Whom to tell, quoting what. "If this keeps happening" only where another attempt may succeed: a
 * refusal in RETRY_CANNOT_HELP happens every time.
 */
export function supportAdvice(reason: RejectionReason, helpCenterName: string): string {
  const quote = "quoting the reason and request ID above: they can look it up.";
  // visitorAdvice has already sent these readers to whoever runs the help center.
  if (reason === "user_suspended" || reason === "user_conflict") return "When you contact them, quote the reason and request ID above: they can look it up.";
  if (RETRY_CANNOT_HELP.has(reason)) return `Tell whoever runs ${helpCenterName} (or the app you came from), ${quote}`;
  return `If this keeps happening, tell whoever runs ${helpCenterName} (or the app you came from), ${quote}`;
}

export function renderRejectionPage(reason: RejectionReason, input: ErrorPageInput & { claim?: string }): string {
  const description = REASONS[reason];
  const tryAgainUrl = RETRY_CANNOT_HELP.has(reason) ? null : input.tryAgainUrl;
  const claim = input.claim ? ` (claim: <code>${escapeHtml(input.claim)}</code>)` : "";
  return page(
    `Sign-in failed · ${input.helpCenterName}`,
    `<h1>We could not sign you in to ${escapeHtml(input.helpCenterName)}</h1>
     <p>${escapeHtml(description.title)} ${escapeHtml(visitorAdvice(reason, input.helpCenterName, tryAgainUrl !== null))}</p>
     <p class="hint"><strong>For the site owner:</strong> ${escapeWithCode(description.ownerHint)}${claim}</p>
     <dl><dt>Reason</dt><dd>${escapeHtml(reason)}</dd><dt>Request ID</dt><dd>${escapeHtml(input.requestId)}</dd></dl>
     <p>${escapeHtml(supportAdvice(reason, input.helpCenterName))}</p>
     ${tryAgainUrl ? `<a class="button" href="${escapeHtml(tryAgainUrl)}">Try again</a>` : ""}
     ${input.continueUrl ? `<a class="button" href="${escapeHtml(input.continueUrl)}">Continue to the help center</a>` : ""}`,
  );
}

export function renderUnexpectedErrorPage(requestId: string): string {
  // "/" is the home page of whichever help center this is (the page knows nothing else about the
  // request): readable on a public help center, the start of a new sign-in on a private one.
  return page(
    "Something went wrong",
    `<h1>Something went wrong on our side</h1>
     <p>Sign-in could not be completed because of an error in Gatehouse, not in your account. Please try again in a moment.</p>
     <dl><dt>Request ID</dt><dd>${escapeHtml(requestId)}</dd></dl>
     <a class="button" href="/">Go to the help center</a>`,
  );
}
