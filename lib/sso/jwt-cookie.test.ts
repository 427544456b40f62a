import { describe, expect, it } from "vitest";
import { endedSessionResumesFromJwtCookie, holderMarker, jwtCookieNeedsHandling, namesSomeoneElse, tokenMarker } from "./jwt-cookie";

const tokenFor = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

describe("the hc_jwt cookie markers", () => {
  const alice = tokenFor({ email: "Alice@example.com", iat: 1 });
  const aliceLater = tokenFor({ email: "alice@example.com", iat: 2 });
  const bob = tokenFor({ email: "bob@example.com", iat: 1 });

  it("handles a cookie nothing has handled yet", async () => {
    expect(await jwtCookieNeedsHandling(alice, undefined)).toBe(true);
    expect(await jwtCookieNeedsHandling(undefined, undefined)).toBe(false);
  });

  it("after a session was started for a holder, a re-minted token for the same person is not handled again", async () => {
    const marker = (await holderMarker(alice))!;
    expect(await jwtCookieNeedsHandling(aliceLater, marker)).toBe(false);
    expect(await jwtCookieNeedsHandling(bob, marker)).toBe(true);
  });

  it("after a refusal, the same token is not tried again but a new one is", async () => {
    const marker = await tokenMarker(alice);
    expect(await jwtCookieNeedsHandling(alice, marker)).toBe(false);
    expect(await jwtCookieNeedsHandling(aliceLater, marker)).toBe(true);
  });

  it("an ended session resumes from the cookie only when that person's cookie had started it", async () => {
    const holder = (await holderMarker(alice))!;
    expect(await endedSessionResumesFromJwtCookie(aliceLater, holder)).toBe(true);
    // A refused token's marker: /sso/cookie already said no to it, so no loop through it again.
    expect(await endedSessionResumesFromJwtCookie(alice, await tokenMarker(alice))).toBe(false);
    // Someone else's cookie now: the proxy sends that one through /sso/cookie by itself.
    expect(await endedSessionResumesFromJwtCookie(bob, holder)).toBe(false);
    expect(await endedSessionResumesFromJwtCookie(undefined, holder)).toBe(false);
    expect(await endedSessionResumesFromJwtCookie(alice, undefined)).toBe(false);
  });

  it("names the holder by external id before email, and nobody for junk", async () => {
    expect(await holderMarker(tokenFor({ email: "a@example.com", external_id: "42" }))).toBe(await holderMarker(tokenFor({ email: "b@example.com", external_id: "42" })));
    expect(await holderMarker(tokenFor({ email: "a@example.com", external_id: 42 }))).toBe(await holderMarker(tokenFor({ email: "b@example.com", external_id: "42" })));
    expect(await holderMarker("junk")).toBeNull();
    expect(await holderMarker(tokenFor({ name: "no id" }))).toBeNull();
  });

  it("tells whether a refused cookie names someone other than the signed-in person, by the marker's key", () => {
    const grace = { email: "Grace@example.com", externalId: "cust-42" };
    const emailOnly = { email: "ada@example.com", externalId: null };
    expect(namesSomeoneElse(tokenFor({ email: "other@example.com", external_id: "cust-42" }), grace)).toBe(false);
    expect(namesSomeoneElse(tokenFor({ email: "grace@example.com", external_id: "cust-7" }), grace)).toBe(true);
    expect(namesSomeoneElse(tokenFor({ email: "GRACE@example.com" }), grace)).toBe(false);
    expect(namesSomeoneElse(tokenFor({ email: "bob@example.com" }), grace)).toBe(true);
    expect(namesSomeoneElse(tokenFor({ email: "ada@example.com", external_id: 7 }), emailOnly)).toBe(true);
    expect(namesSomeoneElse(tokenFor({ email: "ada@example.com" }), emailOnly)).toBe(false);
    // Naming nobody says nothing about who is at the browser.
    expect(namesSomeoneElse("junk", grace)).toBe(false);
    expect(namesSomeoneElse(tokenFor({ name: "no id" }), grace)).toBe(false);
  });
});
