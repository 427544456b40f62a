// A small authoritative DNS server for the tests of custom-domain verification: it answers TXT
// questions over UDP from records the tests set, NXDOMAIN for any other name, and SERVFAIL for
// names under `servfail.` (to test a failing DNS). Gatehouse asks it through Node's own resolver
// (DNS_SERVERS), so the lookup under test is the real one, wire format and all.
//
//   In process (integration tests): const dns = await startTestDnsServer(); dns.setTxt(name, [value])
//   As a process (playwright.config.ts): tsx test/support/dns-server.ts --serve
//     UDP DNS on TEST_DNS_PORT; HTTP control on TEST_DNS_CONTROL_PORT:
//     PUT /records/<name>   JSON string[]: the name's TXT records (an empty list removes them)
//     GET /health
import { createSocket } from "node:dgram";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import dnsPacket from "dns-packet";

export const TEST_DNS_PORT = 3196;
export const TEST_DNS_CONTROL_PORT = 3197;
export const TEST_DNS_CONTROL_ORIGIN = `http://127.0.0.1:${TEST_DNS_CONTROL_PORT}`;

export interface TestDnsServer {
  /** "127.0.0.1:<port>", for DNS_SERVERS or Resolver#setServers */
  address: string;
  setTxt(name: string, values: string[]): void;
  close(): Promise<void>;
}

const normalize = (name: string) => name.toLowerCase().replace(/\.$/, "");

export async function startTestDnsServer(port = 0): Promise<TestDnsServer> {
  const records = new Map<string, string[]>();
  const socket = createSocket("udp4");
  socket.on("message", (message, remote) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: no answer, as a real server would do
    }
    const [question] = query.questions ?? [];
    const name = question ? normalize(question.name) : "";
    const values = records.get(name);
    const rcode = name.startsWith("servfail.") || name.includes(".servfail.") ? "SERVFAIL" : values ? "NOERROR" : "NXDOMAIN";
    const answers: dnsPacket.Answer[] =
      question?.type === "TXT" && values ? values.map((value) => ({ type: "TXT", name: question.name, ttl: 0, class: "IN", data: inDnsStrings(value) })) : [];
    const response = dnsPacket.encode({
      id: query.id,
      type: "response",
      // Authoritative answer, recursion available, and the response code in the low bits.
      flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_AVAILABLE | RCODES[rcode],
      questions: query.questions,
      answers,
    });
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", () => resolve());
  });
  const bound = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${bound.port}`,
    setTxt(name, values) {
      if (values.length === 0) records.delete(normalize(name));
      else records.set(normalize(name), values);
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** A TXT value goes on the wire as strings of at most 255 bytes each, as DNS providers split long ones. */
function inDnsStrings(value: string): string[] {
  return value.match(/[^]{1,255}/g) ?? [""];
}

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

async function serve(): Promise<void> {
  const dns = await startTestDnsServer(TEST_DNS_PORT);
  const control = createServer((request, response) => {
    const url = new URL(request.url ?? "/", TEST_DNS_CONTROL_ORIGIN);
    if (request.method === "GET" && url.pathname === "/health") return response.end("ok");
    const match = /^\/records\/([^/]+)$/.exec(url.pathname);
    if (request.method !== "PUT" || !match) return response.writeHead(404).end();
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      try {
        const values: unknown = JSON.parse(body);
        if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) throw new Error("a JSON list of strings");
        dns.setTxt(decodeURIComponent(match[1]!), values);
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(400).end(String(error));
      }
    });
  });
  control.listen(TEST_DNS_CONTROL_PORT, "127.0.0.1");
}

if (process.argv.includes("--serve")) await serve();
