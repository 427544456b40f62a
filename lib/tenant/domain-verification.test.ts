import { describe, expect, it } from "vitest";
import { challengeRecordName, challengeRecordValue, judgeDomainProof } from "./domain-verification";

const domain = "help.example.com";
const challenge = "Zq3v9K1xWm2bT8cR";
const expected = challengeRecordValue(challenge);

describe("the TXT record a claim asks for", () => {
  it("lives under _gatehouse-challenge left of the domain and holds the claim's value", () => {
    expect(challengeRecordName(domain)).toBe("_gatehouse-challenge.help.example.com");
    expect(expected).toBe("gatehouse-verification=Zq3v9K1xWm2bT8cR");
  });
});

describe("judgeDomainProof", () => {
  it("accepts the record among others, and with stray spaces around it", () => {
    expect(judgeDomainProof(domain, challenge, { status: "found", records: ["v=spf1 -all", expected] })).toEqual({ ok: true });
    expect(judgeDomainProof(domain, challenge, { status: "found", records: [` ${expected} `] })).toEqual({ ok: true });
  });

  it("says where to add the record when there is none", () => {
    const proof = judgeDomainProof(domain, challenge, { status: "absent" });
    expect(proof).toMatchObject({ ok: false, reason: "absent" });
    expect(proof.ok || proof.message).toContain("There is no TXT record at _gatehouse-challenge.help.example.com yet");
  });

  it("names a verification value of another claim as such, and other TXT records as not the value", () => {
    const old = judgeDomainProof(domain, challenge, { status: "found", records: [challengeRecordValue("an-earlier-claim")] });
    expect(old).toMatchObject({ ok: false, reason: "mismatch" });
    expect(old.ok || old.message).toContain("holds a different verification value");
    const other = judgeDomainProof(domain, challenge, { status: "found", records: ["v=spf1 -all"] });
    expect(other).toMatchObject({ ok: false, reason: "mismatch" });
    expect(other.ok || other.message).toContain("do not include the verification value");
  });

  it("does not take a value that only contains or starts with the expected one", () => {
    for (const record of [`${expected}x`, `x${expected}`, expected.toUpperCase(), challenge]) {
      expect(judgeDomainProof(domain, challenge, { status: "found", records: [record] }).ok).toBe(false);
    }
  });

  it("tells a failing DNS apart from a missing record", () => {
    const proof = judgeDomainProof(domain, challenge, { status: "failed", detail: "DNS did not answer in time" });
    expect(proof).toMatchObject({ ok: false, reason: "dns_failed" });
    expect(proof.ok || proof.message).toContain("We could not look up _gatehouse-challenge.help.example.com just now (DNS did not answer in time)");
  });
});
