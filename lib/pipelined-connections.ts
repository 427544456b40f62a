// A few PostgreSQL connections shared by statements that stand alone: one statement, its own
// transaction, no session state. node-postgres' pipeline mode writes each statement the moment it
// is asked for, without waiting for the previous answer, and PostgreSQL answers them in order.
//
// Why not the pool: a pooled connection carries one statement per round trip, so its server
// process sleeps between statements and every statement has to wake it. On a machine where a
// wake-up is expensive (virtual machines above all) that cost lands on the app server's only
// thread: on the sign-in benchmark, writing the statement cost ~200 µs of it. A pipelined
// connection under load usually has the next statement already waiting when it finishes one.
// Measured (npm run bench:sso, 2 cores): ~1,000 → ~1,300 sign-ins/s with two pipelined connections.
// The statements asked for in one turn of the event loop also leave in one write
// (holdWritesForThisTurn): returning users' sign-ins 664–681 → 812–920/s on a slower 2-vCPU
// machine, alternating runs (first sign-ins of new users, 375–498/s, unchanged within noise).
//
// Tried and not kept: committing the statements that arrive together as one transaction (group
// commit, with each statement run again alone if the group rolls back). It cut PostgreSQL's CPU per
// sign-in by about a tenth, but sign-ins per second fell: a connection then has to wait for a
// group's answer before it sends the next, and PostgreSQL's process idles through that round trip.
//
// What may run here: single statements that do not depend on each other's timing. A statement that
// waits (for a lock, say) holds up the ones behind it on its connection, so interactive
// transactions and anything that can wait long stay on the pool.
import type { Writable } from "node:stream";
import pg, { type QueryConfig, type QueryResult, type QueryResultRow } from "pg";

interface Connection {
  client: pg.Client;
  /** resolves once connected; rejects (and the connection is broken) when connecting fails */
  ready: Promise<void>;
  /** statements sent and not yet answered: new ones go where the fewest wait */
  inFlight: number;
  broken: boolean;
  /** the connection's writes are held back until the end of this turn of the event loop */
  writesHeld: boolean;
}

export interface PipelinedConnections {
  query<Row extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<Row>>;
  /** Ends every connection once its statements are answered. */
  close(): Promise<void>;
}

export interface PipelinedConnectionOptions {
  /**
   * How long connecting may take before the statements waiting for it fail. Statements wait in
   * line on a connection, so one that never answers must not hold them forever.
   */
  connectTimeoutMs?: number;
}

export function createPipelinedConnections(
  connectionString: string,
  count: number,
  { connectTimeoutMs = 10_000 }: PipelinedConnectionOptions = {},
): PipelinedConnections {
  if (!Number.isInteger(count) || count < 1) throw new Error(`pipelined connections: count must be a positive integer, got ${count}`);
  const connections: (Connection | null)[] = Array.from({ length: count }, () => null);
  let closed = false;

  const open = (): Connection => {
    // keepAlive: a peer that vanished without closing the connection (a failover, a dropped NAT
    // entry) is noticed by TCP rather than by statements waiting on it forever.
    const client = new pg.Client({ connectionString, pipeline: true, keepAlive: true, connectionTimeoutMillis: connectTimeoutMs });
    const connection: Connection = { client, ready: Promise.resolve(), inFlight: 0, broken: false, writesHeld: false };
    // A dropped connection fails the statements it carried (node-postgres rejects each of them);
    // the next statement opens a new one. Without a listener, an 'error' would end the process.
    const breakOff = () => {
      connection.broken = true;
    };
    // Said once in the server log: statements failing together otherwise look like many problems.
    client.on("error", (error: Error) => {
      if (!closed) console.error(`[db] a pipelined connection failed: ${error.message}; the next statement reconnects`);
      breakOff();
    });
    client.on("end", breakOff);
    connection.ready = client.connect().then(
      () => undefined,
      (error: unknown) => {
        breakOff();
        throw error;
      },
    );
    // Connections are opened side by side, so one may fail with no statement waiting on it yet;
    // its failure is for the statements that await it, never an unhandled rejection.
    connection.ready.catch(() => undefined);
    return connection;
  };

  /** The connection with the fewest statements waiting, reopening a broken one in its place. */
  const pick = (): Connection => {
    let best = 0;
    for (let i = 0; i < connections.length; i += 1) {
      const connection = connections[i];
      if (!connection || connection.broken) {
        if (connection) connection.client.end().catch(() => undefined);
        connections[i] = open();
      }
      if (connections[i]!.inFlight < connections[best]!.inFlight) best = i;
    }
    return connections[best]!;
  };

  /**
   * Holds the connection's writes back until this turn of the event loop ends, so the statements of
   * every sign-in that reached this point in the same turn go out in one write and wake PostgreSQL
   * once. Each write is a system call on the app server's only thread and, when the server process
   * sleeps, a wake-up: the dearest part of a statement on a virtual machine.
   */
  const holdWritesForThisTurn = (connection: Connection): void => {
    if (connection.writesHeld) return;
    const stream = (connection.client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
    if (typeof stream?.cork !== "function" || typeof stream.uncork !== "function") return;
    stream.cork();
    connection.writesHeld = true;
    setImmediate(() => {
      connection.writesHeld = false;
      stream.uncork!();
    });
  };

  return {
    async query<Row extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<Row>> {
      if (closed) throw new Error("pipelined connections: closed");
      const connection = pick();
      connection.inFlight += 1;
      try {
        await connection.ready;
        holdWritesForThisTurn(connection);
        return await connection.client.query<Row>(config);
      } finally {
        connection.inFlight -= 1;
      }
    },
    async close() {
      closed = true;
      // A broken connection is only told to go: its end may never be acknowledged.
      const ends = connections.map((connection) => {
        const ended = connection?.client.end().catch(() => undefined);
        return connection?.broken ? undefined : ended;
      });
      await Promise.all(ends);
      connections.fill(null);
    },
  };
}
