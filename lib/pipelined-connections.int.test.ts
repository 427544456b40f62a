import net from "node:net";
import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { allowsNamedStatements } from "@/lib/database-url";
import { createPipelinedConnections, type PipelinedConnections } from "@/lib/pipelined-connections";
import { testDatabaseUrl } from "@/test/support/test-database-url";

// Against the run's database (PostgreSQL in CI, the embedded one locally): pipelining is a
// property of the wire protocol, which only a real server can show.

let connections: PipelinedConnections | undefined;
afterEach(async () => {
  await connections?.close();
  connections = undefined;
});

// Named where the database allows it, as the app's hot-path statements are: a pipelined statement
// may skip its Parse because the one ahead of it on the connection already sent it.
const echo = (n: number) => ({
  ...(allowsNamedStatements(testDatabaseUrl()) ? { name: "pipelined-echo" } : {}),
  text: "SELECT $1::int AS n, pg_backend_pid() AS pid",
  values: [n],
});

/** A TCP relay to the run's database that the test can cut, as a network or a restart would. */
async function startCuttableRelay(): Promise<{ url: string; accepted: () => number; cut: () => void; close: () => Promise<void> }> {
  const target = new URL(testDatabaseUrl());
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const relay = net.createServer((incoming) => {
    accepted += 1;
    const outgoing = net.connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [[incoming, outgoing], [outgoing, incoming]] as const) {
      sockets.add(from);
      from.pipe(to);
      from.on("error", () => to.destroy());
      from.on("close", () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((relay.address() as net.AddressInfo).port);
  const cut = () => sockets.forEach((socket) => socket.destroy());
  return {
    url: url.toString(),
    accepted: () => accepted,
    cut,
    close: () => {
      cut();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}

/**
 * Counts the writes sockets hand to the operating system while it runs: every net.Socket write
 * (one chunk) or writev (several chunks, one system call) in this process.
 */
function countSocketWrites(): { stop: () => number } {
  const proto = net.Socket.prototype as unknown as Record<"_write" | "_writev", (...args: unknown[]) => unknown>;
  const originals = { _write: proto._write, _writev: proto._writev };
  let writes = 0;
  for (const method of ["_write", "_writev"] as const) {
    proto[method] = function (this: unknown, ...args: unknown[]) {
      writes += 1;
      return originals[method].apply(this, args);
    };
  }
  return {
    stop() {
      Object.assign(proto, originals);
      return writes;
    },
  };
}

describe("pipelined connections", () => {
  it("answer many concurrent statements, each with its own result, over no more than their connections", async () => {
    connections = createPipelinedConnections(testDatabaseUrl(), 2);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => connections!.query<{ n: number; pid: number }>(echo(i))));
    expect(results.map((result) => result.rows[0]!.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const servers = new Set(results.map((result) => result.rows[0]!.pid));
    expect(servers.size).toBeLessThanOrEqual(2);
  });

  it("send the statements asked for in one turn of the event loop in one write, each answered on its own", async () => {
    connections = createPipelinedConnections(testDatabaseUrl(), 1);
    await connections.query(echo(0)); // connected, and the named statement prepared
    const writes = countSocketWrites();
    let results: pg.QueryResult<{ n: number }>[];
    try {
      results = await Promise.all(Array.from({ length: 10 }, (_, i) => connections!.query<{ n: number }>(echo(i + 1))));
    } finally {
      expect(writes.stop()).toBe(1);
    }
    expect(results.map((result) => result.rows[0]!.n)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // A statement asked for in a later turn is not held back for long: it goes out in that turn.
    const later = await connections.query<{ n: number }>(echo(11));
    expect(later.rows[0]!.n).toBe(11);
  });

  it("fail a failing statement alone: the statements around it on the same connection still succeed", async () => {
    connections = createPipelinedConnections(testDatabaseUrl(), 1);
    const outcomes = await Promise.allSettled([
      connections.query(echo(1)),
      connections.query({ text: "SELECT 1 / $1::int AS n", values: [0] }),
      connections.query(echo(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: "22012" }); // division_by_zero
    expect((outcomes[2] as PromiseFulfilledResult<pg.QueryResult>).value.rows[0].n).toBe(3);
  });

  it("open a new connection after one is dropped, failing only what it carried", async () => {
    const relay = await startCuttableRelay();
    try {
      connections = createPipelinedConnections(relay.url, 1);
      expect((await connections.query<{ n: number }>(echo(1))).rows[0]!.n).toBe(1);
      const carried = connections.query({ text: "SELECT pg_sleep(2)" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      relay.cut();
      await expect(carried).rejects.toThrow();

      expect((await connections.query<{ n: number }>(echo(2))).rows[0]!.n).toBe(2);
      expect(relay.accepted()).toBe(2);
    } finally {
      await connections?.close();
      connections = undefined;
      await relay.close();
    }
  });

  it("reject a statement when the server cannot be reached, and connect again on the next one", async () => {
    // Two connections: the one no statement waits on fails too, and must not surface as an
    // unhandled rejection (which would end a server process, and fails this run).
    connections = createPipelinedConnections("postgresql://postgres@127.0.0.1:1/nowhere", 2);
    await expect(connections.query(echo(1))).rejects.toThrow(/ECONNREFUSED/);
    await expect(connections.query(echo(1))).rejects.toThrow(/ECONNREFUSED/);
  });

  it("fail the statements waiting on a connection that never answers, after the connect timeout", async () => {
    // A server that accepts the connection and then says nothing, as a half-dead host would.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      connections = createPipelinedConnections(`postgresql://postgres@127.0.0.1:${port}/nowhere`, 1, { connectTimeoutMs: 200 });
      const started = Date.now();
      await expect(connections.query(echo(1))).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await connections?.close();
      connections = undefined;
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("refuse statements once closed", async () => {
    connections = createPipelinedConnections(testDatabaseUrl(), 2);
    await connections.query(echo(1));
    await connections.close();
    await expect(connections.query(echo(1))).rejects.toThrow(/closed/);
  });
});
