// Proving that a tenant controls the custom domain it asks for, before Gatehouse serves its help
// center there. Without it, whoever typed a domain first would own it here: a help center could
// claim another company's domain and be served there the day that company pointed it at
// Gatehouse. The proof is a DNS TXT record only the domain's owner can publish, holding a random
// value Gatehouse gave this one claim. Pure: the DNS lookup itself is in ./txt-lookup.ts.

/** The label the TXT record goes under, left of the domain: `_gatehouse-challenge.help.example.com`. */
export const CHALLENGE_LABEL = "_gatehouse-challenge";

const VALUE_PREFIX = "gatehouse-verification=";

export function challengeRecordName(domain: string): string {
  return `${CHALLENGE_LABEL}.${domain}`;
}

export function challengeRecordValue(challenge: string): string {
  return `${VALUE_PREFIX}${challenge}`;
}

/** What the DNS answered for the record's name, as ./txt-lookup.ts reports it. */
export type TxtLookup =
  | { status: "found"; records: string[] }
  | { status: "absent" }
  | { status: "failed"; detail: string };

export type DomainProof =
  | { ok: true }
  | { ok: false; reason: "absent" | "mismatch" | "dns_failed"; message: string };

/**
 * Whether the lookup proves the claim, and if not, what the admin should do, in plain words.
 * A record holding another claim's value (an earlier attempt, another help center's) is named as
 * such, so an admin who copied an old value knows to replace it.
 */
export function judgeDomainProof(domain: string, challenge: string, lookup: TxtLookup): DomainProof {
  const name = challengeRecordName(domain);
  const expected = challengeRecordValue(challenge);
  if (lookup.status === "failed") {
    return {
      ok: false,
      reason: "dns_failed",
      message: `We could not look up ${name} just now (${lookup.detail}). Try again in a minute; if it keeps failing, check that ${domain}'s DNS servers answer.`,
    };
  }
  // A long TXT value may be split into several strings; ./txt-lookup.ts joins them back.
  const records = lookup.status === "found" ? lookup.records.map((record) => record.trim()) : [];
  if (records.includes(expected)) return { ok: true };
  if (records.length === 0) {
    return {
      ok: false,
      reason: "absent",
      message: `There is no TXT record at ${name} yet. Add it with your DNS provider; new records can take a few minutes (sometimes up to an hour) to appear.`,
    };
  }
  const ours = records.filter((record) => record.startsWith(VALUE_PREFIX));
  return {
    ok: false,
    reason: "mismatch",
    message:
      ours.length > 0
        ? `The TXT record at ${name} holds a different verification value, from an earlier attempt or another help center. Replace it with the value shown here.`
        : `The TXT records at ${name} do not include the verification value. Add a TXT record holding exactly the value shown here.`,
  };
}
