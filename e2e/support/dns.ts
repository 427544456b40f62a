// Publishing TXT records on the tests' DNS server (test/support/dns-server.ts, started by
// playwright.config.ts), as a tenant's admin would with their DNS provider.
import { TEST_DNS_CONTROL_ORIGIN } from "../../test/support/dns-server";

export async function publishTxtRecords(name: string, values: string[]): Promise<void> {
  const response = await fetch(`${TEST_DNS_CONTROL_ORIGIN}/records/${encodeURIComponent(name)}`, { method: "PUT", body: JSON.stringify(values) });
  if (response.status !== 204) throw new Error(`the test DNS server refused ${name}: ${response.status} ${await response.text()}`);
}
