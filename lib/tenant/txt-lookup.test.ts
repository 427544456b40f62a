// Node's real resolver against a real (local) DNS server over UDP: what Verify relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDnsServer, type TestDnsServer } from "@/test/support/dns-server";
import { lookUpTxtRecords } from "./txt-lookup";

let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startTestDnsServer();
});
afterAll(() => dns.close());

describe("lookUpTxtRecords", () => {
  it("returns every TXT record of the name, a value longer than one DNS string joined back", async () => {
    const long = `gatehouse-verification=${"a".repeat(300)}`;
    dns.setTxt("_gatehouse-challenge.help.lookup.test", ["v=spf1 -all", "gatehouse-verification=abc"]);
    dns.setTxt("_gatehouse-challenge.long.lookup.test", [long]);
    const found = await lookUpTxtRecords("_gatehouse-challenge.help.lookup.test", [dns.address]);
    expect(found.status === "found" && [...found.records].sort()).toEqual(["gatehouse-verification=abc", "v=spf1 -all"]);
    expect(await lookUpTxtRecords("_gatehouse-challenge.long.lookup.test", [dns.address])).toEqual({ status: "found", records: [long] });
  });

  it("reports a name without records as absent", async () => {
    expect(await lookUpTxtRecords("_gatehouse-challenge.nothing.lookup.test", [dns.address])).toEqual({ status: "absent" });
  });

  it("reports a DNS server failure, and an unreachable server, as failures rather than as absent", async () => {
    expect(await lookUpTxtRecords("_gatehouse-challenge.help.servfail.test", [dns.address])).toEqual({
      status: "failed",
      detail: "the domain's DNS server reported a failure",
    });
    const closed = await startTestDnsServer();
    await closed.close();
    const unreachable = await lookUpTxtRecords("_gatehouse-challenge.help.lookup.test", [closed.address]);
    expect(unreachable.status).toBe("failed");
  }, 15_000);
});
