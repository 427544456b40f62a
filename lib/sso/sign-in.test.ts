import { describe, expect, it } from "vitest";
import { generateOpaqueToken, hashOpaqueToken } from "./opaque-token";
import type { EndUserProfile } from "./profile-claims";
import { signIn, type EarlyAdmission, type ProvisionResult, type RedirectKeyState, type SignInRequest, type SignInStore, type TokenClaim } from "./sign-in";
import { claims, mintToken, NOW, NOW_SECONDS, SECRET_B, ssoConfig } from "./test-tokens";
import { verifySsoToken } from "./verify-token";

interface StoredKey {
  browserBindingHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  returnTo: string | null;
}

/** SignInStore over Maps. claimTokenId has no await inside, so it is atomic per jti. */
class MemoryStore implements SignInStore {
  readonly seenJtis = new Map<string, Date>();
  readonly keys = new Map<string, StoredKey>();
  readonly claimCalls: { jti: string; jtiKeyHash: string; keepUntil: Date }[] = [];
  readonly provisionCalls: { profile: EndUserProfile; now: Date }[] = [];
  provisionResult: ProvisionResult = { status: "ready", endUserId: "user-1" };

  constructor(private readonly clock: Date = NOW) {}

  /** Issues a redirect key bound to a browser; returns the key (the jti the IdP must use). */
  issueKey(browserBinding: string, options: { expiresAt?: Date; usedAt?: Date | null; returnTo?: string | null } = {}): string {
    const key = generateOpaqueToken();
    this.keys.set(hashOpaqueToken(key), {
      browserBindingHash: hashOpaqueToken(browserBinding),
      expiresAt: options.expiresAt ?? new Date(this.clock.getTime() + 10 * 60 * 1000),
      usedAt: options.usedAt ?? null,
      returnTo: options.returnTo ?? null,
    });
    return key;
  }

  async claimTokenId(jti: string, jtiKeyHash: string, keepUntil: Date): Promise<{ claimed: boolean; key: RedirectKeyState | null }> {
    this.claimCalls.push({ jti, jtiKeyHash, keepUntil });
    if (this.seenJtis.has(jti)) return { claimed: false, key: null };
    this.seenJtis.set(jti, keepUntil);
    const stored = this.keys.get(jtiKeyHash);
    if (!stored) return { claimed: true, key: null };
    const key: RedirectKeyState = {
      browserBindingHash: stored.browserBindingHash,
      expiresAt: stored.expiresAt,
      previouslyUsedAt: stored.usedAt,
      returnTo: stored.returnTo,
    };
    stored.usedAt ??= this.clock;
    return { claimed: true, key };
  }

  async admitEndUser(profile: EndUserProfile, now: Date): Promise<ProvisionResult> {
    this.provisionCalls.push({ profile, now });
    return this.provisionResult;
  }

  get called(): boolean {
    return this.claimCalls.length > 0 || this.provisionCalls.length > 0;
  }
}

const config = { ...ssoConfig(), requireRedirectKey: false };

function request(token: string, overrides: Partial<SignInRequest> = {}): SignInRequest {
  return { token, config, now: NOW, browserBinding: null, ...overrides };
}

describe("signIn: IdP-initiated (no redirect key)", () => {
  it("signs the user in and hands the store the jti, its hash and how long to keep it", async () => {
    const store = new MemoryStore();
    const token = await mintToken(claims({ jti: "idp-1", email: "Jane@Example.com" }));
    const outcome = await signIn(request(token), store);
    expect(outcome).toEqual({
      ok: true,
      endUserId: "user-1",
      jti: "idp-1",
      profile: expect.objectContaining({ email: "jane@example.com", name: "Jane Doe" }),
      keyReturnTo: null,
      viaRedirectKey: false,
    });
    expect(store.claimCalls).toEqual([{ jti: "idp-1", jtiKeyHash: hashOpaqueToken("idp-1"), keepUntil: new Date((NOW_SECONDS + 270 + 300 + 300) * 1000) }]);
    expect(store.provisionCalls).toHaveLength(1);
    expect(store.provisionCalls[0]!.now).toBe(NOW);
    expect(store.provisionCalls[0]!.profile.email).toBe("jane@example.com");
  });

  it("keeps the jti until the token could no longer verify, even if the tenant raised its leeway to the maximum", async () => {
    const store = new MemoryStore();
    const token = await mintToken(claims({ jti: "idp-keep" }));
    await signIn(request(token), store);
    const keepUntil = store.claimCalls[0]!.keepUntil;
    const widest = { ...config, clockSkewSeconds: 300, tokenTtlSeconds: 86400 };
    expect(await verifySsoToken(token, widest, keepUntil)).toMatchObject({ ok: false, reason: "token_expired" });
    // With the widest leeway the token verifies 1 s before exp + 300: the record must outlive that.
    const lastValid = new Date((NOW_SECONDS + 270 + 300 - 1) * 1000);
    expect((await verifySsoToken(token, widest, lastValid)).ok).toBe(true);
    expect(keepUntil.getTime()).toBeGreaterThan(lastValid.getTime());
  });

  it("refuses the same token a second time as jti_replayed, without provisioning again", async () => {
    const store = new MemoryStore();
    const token = await mintToken(claims({ jti: "idp-2" }));
    expect((await signIn(request(token), store)).ok).toBe(true);
    expect(await signIn(request(token), store)).toEqual({ ok: false, reason: "jti_replayed" });
    expect(store.provisionCalls).toHaveLength(1);
  });

  it("refuses a different token that reuses a jti", async () => {
    const store = new MemoryStore();
    const first = await mintToken(claims({ jti: "idp-3" }));
    const second = await mintToken(claims({ jti: "idp-3", email: "other@example.com", iat: NOW_SECONDS - 10 }));
    expect((await signIn(request(first), store)).ok).toBe(true);
    expect(await signIn(request(second), store)).toEqual({ ok: false, reason: "jti_replayed" });
  });

  // The race itself is the store's to win (an atomic claim; against PostgreSQL in
  // sign-in-store.int.test.ts). This proves signIn decides by the claim's answer and nothing read
  // before it: the use that lost the claim is refused and provisions nobody.
  it("of two simultaneous uses of one token, signs in only the one whose claim won", async () => {
    const store = new MemoryStore();
    const token = await mintToken(claims({ jti: "idp-race" }));
    const outcomes = await Promise.all([signIn(request(token), store), signIn(request(token), store)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: "jti_replayed" }]);
    expect(store.provisionCalls).toHaveLength(1);
  });

  it("refuses with key_required when the tenant requires sign-in to start at the help center", async () => {
    const store = new MemoryStore();
    const token = await mintToken(claims({ jti: "idp-4" }));
    const outcome = await signIn(request(token, { config: { ...config, requireRedirectKey: true } }), store);
    expect(outcome).toEqual({ ok: false, reason: "key_required" });
    expect(store.provisionCalls).toHaveLength(0);
  });

  it("refuses a suspended user", async () => {
    const store = new MemoryStore();
    store.provisionResult = { status: "suspended", endUserId: "user-9" };
    const outcome = await signIn(request(await mintToken(claims({ jti: "idp-5" }))), store);
    expect(outcome).toEqual({ ok: false, reason: "user_suspended" });
    expect(store.provisionCalls).toHaveLength(1);
  });

  it("refuses a user conflict", async () => {
    const store = new MemoryStore();
    store.provisionResult = { status: "conflict" };
    const outcome = await signIn(request(await mintToken(claims({ jti: "idp-6" }))), store);
    expect(outcome).toEqual({ ok: false, reason: "user_conflict" });
  });
});

describe("signIn: redirect-key flow", () => {
  it("signs in when the jti is a key issued to this browser, and returns the key's return_to", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser, { returnTo: "https://acme.gatehouse.app/articles/42" });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toMatchObject({ ok: true, endUserId: "user-1", jti: key, keyReturnTo: "https://acme.gatehouse.app/articles/42", viaRedirectKey: true });
    expect(store.claimCalls[0]!.jtiKeyHash).toBe(hashOpaqueToken(key));
  });

  it("returns keyReturnTo null when the key has none", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toMatchObject({ ok: true, keyReturnTo: null, viaRedirectKey: true });
  });

  it("satisfies requireRedirectKey", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const outcome = await signIn(
      request(await mintToken(claims({ jti: key })), { browserBinding: browser, config: { ...config, requireRedirectKey: true } }),
      store,
    );
    expect(outcome).toMatchObject({ ok: true, viaRedirectKey: true });
  });

  it("refuses an expired key as key_expired", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser, { expiresAt: new Date(NOW.getTime() - 1000) });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toEqual({ ok: false, reason: "key_expired" });
    expect(store.provisionCalls).toHaveLength(0);
  });

  it("treats a key expiring exactly now as expired", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser, { expiresAt: NOW });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toEqual({ ok: false, reason: "key_expired" });
  });

  it("accepts a key expiring one millisecond from now", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser, { expiresAt: new Date(NOW.getTime() + 1) });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome.ok).toBe(true);
  });

  it.each([
    ["another browser's binding", () => generateOpaqueToken()],
    ["no binding cookie", () => null],
    ["an empty binding cookie", () => ""],
    ["the binding's hash instead of the binding", (browser: string) => hashOpaqueToken(browser)],
  ])("refuses %s as key_mismatch", async (_label, binding) => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: binding(browser) }), store);
    expect(outcome).toEqual({ ok: false, reason: "key_mismatch" });
    expect(store.provisionCalls).toHaveLength(0);
  });

  it("refuses a key that was used before as jti_replayed", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    // The jti record is gone (e.g. purged) but the key remembers it was used.
    const key = store.issueKey(browser, { usedAt: new Date(NOW.getTime() - 60_000) });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toEqual({ ok: false, reason: "jti_replayed" });
    expect(store.provisionCalls).toHaveLength(0);
  });

  it("reports a used key as jti_replayed even when it has also expired and the browser differs", async () => {
    const store = new MemoryStore();
    const key = store.issueKey(generateOpaqueToken(), { usedAt: new Date(NOW.getTime() - 60_000), expiresAt: new Date(NOW.getTime() - 1) });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: generateOpaqueToken() }), store);
    expect(outcome).toEqual({ ok: false, reason: "jti_replayed" });
  });

  it("reports an expired key as key_expired even when the browser differs", async () => {
    const store = new MemoryStore();
    const key = store.issueKey(generateOpaqueToken(), { expiresAt: new Date(NOW.getTime() - 1) });
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: generateOpaqueToken() }), store);
    expect(outcome).toEqual({ ok: false, reason: "key_expired" });
  });

  it("refuses a second token for the same key", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    expect((await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store)).ok).toBe(true);
    const again = await mintToken(claims({ jti: key, iat: NOW_SECONDS - 5 }));
    expect(await signIn(request(again, { browserBinding: browser }), store)).toEqual({ ok: false, reason: "jti_replayed" });
  });

  it("still checks the user after a good key", async () => {
    const store = new MemoryStore();
    store.provisionResult = { status: "suspended", endUserId: "user-2" };
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const outcome = await signIn(request(await mintToken(claims({ jti: key })), { browserBinding: browser }), store);
    expect(outcome).toEqual({ ok: false, reason: "user_suspended" });
  });
});

describe("signIn: verification failures come first", () => {
  it.each([
    ["a token signed with another secret", async () => request(await mintToken(claims(), SECRET_B)), "bad_signature"],
    ["no configuration", async () => request(await mintToken(), { config: null }), "sso_not_configured"],
    ["SSO turned off", async () => request(await mintToken(), { config: { ...config, enabled: false } }), "sso_not_configured"],
    ["an expired token", async () => request(await mintToken(claims({ iat: NOW_SECONDS - 200, exp: NOW_SECONDS - 100 }))), "token_expired"],
    ["a malformed token", async () => request("not.a-token"), "token_malformed"],
    ["a token without a jti", async () => request(await mintToken(claims({ jti: undefined }))), "missing_claim"],
    ["a wrong audience", async () => request(await mintToken(), { config: { ...config, audience: "acme-help" } }), "audience_mismatch"],
  ])("refuses %s without touching the store", async (_label, makeRequest, reason) => {
    const store = new MemoryStore();
    const outcome = await signIn(await makeRequest(), store);
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(store.called).toBe(false);
  });

  it("passes the verifier's claim through", async () => {
    const store = new MemoryStore();
    const outcome = await signIn(request(await mintToken(claims({ email: "a@x.com,b@x.com" }))), store);
    expect(outcome).toEqual({ ok: false, reason: "invalid_claim", claim: "email" });
    expect(store.called).toBe(false);
  });

  it("does not burn a redirect key on a token that fails verification", async () => {
    const store = new MemoryStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const forged = await mintToken(claims({ jti: key }), SECRET_B);
    expect(await signIn(request(forged, { browserBinding: browser }), store)).toEqual({ ok: false, reason: "bad_signature" });
    const genuine = await mintToken(claims({ jti: key }));
    expect((await signIn(request(genuine, { browserBinding: browser }), store)).ok).toBe(true);
  });
});

describe("signIn: a store that admits in the same step as the claim", () => {
  /** Admits in claimTokenId, whatever the checks after the claim would say. */
  class EagerStore extends MemoryStore {
    readonly admissions: EarlyAdmission[] = [];
    override async claimTokenId(jti: string, jtiKeyHash: string, keepUntil: Date, admission?: EarlyAdmission): Promise<TokenClaim> {
      this.admissions.push(admission!);
      return { ...(await super.claimTokenId(jti, jtiKeyHash, keepUntil)), admittedEndUserId: "user-early" };
    }
  }

  it("hands the store what it needs to admit, and uses its admission without a second step", async () => {
    const store = new EagerStore();
    const browser = generateOpaqueToken();
    const key = store.issueKey(browser);
    const outcome = await signIn(request(await mintToken(claims({ jti: key, email: "Kim@Example.com" })), { browserBinding: browser }), store);
    expect(outcome).toMatchObject({ ok: true, endUserId: "user-early", viaRedirectKey: true });
    expect(store.provisionCalls).toHaveLength(0);
    expect(store.admissions[0]).toEqual({
      profile: expect.objectContaining({ email: "kim@example.com" }),
      now: NOW,
      facts: expect.objectContaining({ jti: key }),
      browserBindingHash: hashOpaqueToken(browser),
      requireRedirectKey: false,
    });
  });

  it("treats an admission the later checks refuse as a bug: it throws rather than report either outcome", async () => {
    const store = new EagerStore();
    const key = store.issueKey(generateOpaqueToken());
    const token = await mintToken(claims({ jti: key }));
    await expect(signIn(request(token, { browserBinding: generateOpaqueToken() }), store)).rejects.toThrow(/key_mismatch/);
  });
});
