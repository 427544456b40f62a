import "server-only";
import { Resolver } from "node:dns/promises";
import { env } from "@/lib/env";
import type { TxtLookup } from "./domain-verification";

// The TXT lookup behind custom-domain verification. A fresh resolver per lookup, with a short
// timeout: an admin is waiting on the answer, and a cached "no such record" would hide the record
// they have just added. DNS_SERVERS points it at other servers than the machine's (the tests run
// their own).

const TIMEOUT_MS = 2500;
const TRIES = 2;

/** Answers that mean "there is no such record", as opposed to "DNS did not answer". */
const NO_RECORD = new Set(["ENODATA", "ENOTFOUND"]);

const FAILURE_WORDS: Record<string, string> = {
  ETIMEOUT: "DNS did not answer in time",
  ESERVFAIL: "the domain's DNS server reported a failure",
  EREFUSED: "the DNS server refused the question",
  ECONNREFUSED: "no DNS server could be reached",
};

export async function lookUpTxtRecords(name: string, servers: string[] | undefined = env.DNS_SERVERS): Promise<TxtLookup> {
  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: TRIES });
  if (servers) resolver.setServers(servers);
  try {
    // Each record arrives as the strings it was split into (255 bytes at most each): join them.
    const records = await resolver.resolveTxt(name);
    return records.length > 0 ? { status: "found", records: records.map((parts) => parts.join("")) } : { status: "absent" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (NO_RECORD.has(code)) return { status: "absent" };
    return { status: "failed", detail: FAILURE_WORDS[code] ?? `DNS error ${code || "unknown"}` };
  }
}
