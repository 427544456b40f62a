import { describe, expect, it } from "vitest";
import { holderMarker, jwtCookieNeedsHandling, tokenMarker } from "./jwt-cookie";

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

  it("names the holder by external id before email, and nobody for junk", async () => {
    expect(await holderMarker(tokenFor({ email: "a@example.com", external_id: "42" }))).toBe(await holderMarker(tokenFor({ email: "b@example.com", external_id: "42" })));
    expect(await holderMarker(tokenFor({ email: "a@example.com", external_id: 42 }))).toBe(await holderMarker(tokenFor({ email: "b@example.com", external_id: "42" })));
    expect(await holderMarker("junk")).toBeNull();
    expect(await holderMarker(tokenFor({ name: "no id" }))).toBeNull();
  });
});
