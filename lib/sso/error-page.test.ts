import { describe, expect, it } from "vitest";
import { renderRejectionPage, renderUnexpectedErrorPage, supportAdvice, visitorAdvice } from "./error-page";
import { REJECTION_REASONS, type RejectionReason } from "./reasons";

const page = (reason: Parameters<typeof renderRejectionPage>[0], tryAgainUrl: string | null = "https://acme.example/sso/login") =>
  renderRejectionPage(reason, { helpCenterName: "Acme <Help>", requestId: "req-1234-abcd", tryAgainUrl });

describe("the rejection page", () => {
  it("says what failed, what the visitor can do, and what support needs, with every value escaped", () => {
    const html = page("bad_signature");
    expect(html).toContain("We could not sign you in to Acme &lt;Help&gt;");
    expect(html).toContain("The sign-in token&#39;s signature is not valid.");
    expect(html).toContain("not with anything you did");
    expect(html).toContain("<dd>bad_signature</dd>");
    expect(html).toContain("<dd>req-1234-abcd</dd>");
    expect(html).toContain('href="https://acme.example/sso/login">Try again</a>');
    expect(html).not.toContain("<Help>");
  });

  it("tells the visitor that signing in again fixes what a fresh token fixes, pointing at Try again only when there is one", () => {
    expect(page("token_expired")).toContain("press Try again");
    expect(page("token_expired", null)).toContain("from the app you came from");
    expect(page("token_expired", null)).not.toContain("Try again");
  });

  it("does not say 'not your doing' where it is about the visitor's own account or browser", () => {
    for (const reason of ["user_suspended", "user_conflict", "key_mismatch", "too_many_sign_in_starts"] as const) {
      expect(visitorAdvice(reason, "Acme", true)).not.toContain("not with anything you did");
    }
    expect(visitorAdvice("user_suspended", "Acme", true)).toContain("contact whoever runs Acme");
  });

  it("gives every reason code the advice of its kind", () => {
    const visitorCanAct: Partial<Record<RejectionReason, RegExp>> = {
      token_expired: /Signing in again/, token_too_old: /Signing in again/, jti_replayed: /Signing in again/, key_expired: /Signing in again/,
      key_mismatch: /browser you started in/, key_required: /Press Try again/,
      user_suspended: /contact whoever runs Acme/, user_conflict: /Ask whoever runs Acme/,
      too_many_sign_in_starts: /^Wait a few minutes, then press Try again\.$/,
    };
    for (const reason of REJECTION_REASONS) {
      expect(visitorAdvice(reason, "Acme", true), reason).toMatch(visitorCanAct[reason] ?? /^This is a problem with how the site signs people in, not with anything you did\.$/);
    }
  });

  it("offers no Try again where another attempt is refused the same way", () => {
    for (const reason of ["user_suspended", "user_conflict", "sso_not_configured"] as const) {
      expect(page(reason), reason).not.toContain("Try again");
    }
    expect(page("bad_signature")).toContain(">Try again</a>");
  });

  // Exploratory test: a suspended reader was told "If this keeps happening…", which it always will.
  it("tells the suspended reader their access is suspended and whom to contact, without 'if this keeps happening'", () => {
    const html = page("user_suspended");
    expect(html).toContain("<p>Your access to this help center has been suspended. If you think this is a mistake, contact whoever runs Acme &lt;Help&gt;.</p>");
    expect(html).toContain("<p>When you contact them, quote the reason and request ID above: they can look it up.</p>");
    expect(html).not.toContain("keeps happening");
    // Every refusal page says what the site owner should check (issue 3), this one too; support needs the reason and request id.
    expect(html).toContain("<strong>For the site owner:</strong> The user is suspended in Gatehouse.");
    expect(html).toContain("<dd>user_suspended</dd>");
    expect(html).toContain("<dd>req-1234-abcd</dd>");
  });

  it("says 'if this keeps happening' only where another attempt may succeed", () => {
    for (const reason of ["user_suspended", "user_conflict", "sso_not_configured"] as const) {
      expect(page(reason), reason).not.toContain("keeps happening");
      expect(supportAdvice(reason, "Acme"), reason).toMatch(/quote the reason and request ID above|quoting the reason and request ID above/);
    }
    expect(supportAdvice("sso_not_configured", "Acme")).toBe("Tell whoever runs Acme (or the app you came from), quoting the reason and request ID above: they can look it up.");
    for (const reason of REJECTION_REASONS.filter((code) => !["user_suspended", "user_conflict", "sso_not_configured"].includes(code))) {
      expect(page(reason), reason).toContain("If this keeps happening, tell whoever runs Acme &lt;Help&gt;");
    }
  });

  it("keeps the site owner's hint on every refusal", () => {
    for (const reason of REJECTION_REASONS) {
      expect(page(reason), reason).toContain("<strong>For the site owner:</strong>");
    }
  });

  it("links the help center's home page when one is given (a public help center), and only then", () => {
    const withHome = renderRejectionPage("user_suspended", { helpCenterName: "Acme", requestId: "r", tryAgainUrl: null, continueUrl: "https://acme.example/" });
    expect(withHome).toContain('href="https://acme.example/">Continue to the help center</a>');
    expect(page("user_suspended")).not.toContain("Continue to the help center");
  });
});

describe("the unexpected-error page", () => {
  it("gives the request id and a way back to the help center, and nothing about the error", () => {
    const html = renderUnexpectedErrorPage("req-9");
    expect(html).toContain("<dd>req-9</dd>");
    expect(html).toContain('<a class="button" href="/">Go to the help center</a>');
  });
});
