// The order in which the embedded database (PGlite behind pglite-socket) runs the protocol
// messages of its connections.
//
// PGlite has one session, shared by every connection pglite-socket accepts; pglite-socket queues
// each connection's messages and runs them one at a time, keeping to one connection only while it
// is inside a transaction. That is not enough for the extended query protocol: a query is a
// sequence (Parse, Bind, Describe, Execute, then Sync) whose unnamed statement and portal live in
// the session, so another connection's Parse landing between this one's Parse and Bind replaces
// the statement, and the Bind fails ("bind message supplies 11 parameters, but prepared statement
// "" requires 2") or worse, runs the other query with this one's values. It happens whenever a
// sequence reaches the socket in more than one read while another connection is busy, rarely but
// for real (a dashboard page failed that way). This queue also keeps to one connection from the
// first message of a sequence until its Sync, as it keeps to it inside a transaction.
//
// Installed in place of pglite-socket's own queue (embedded-postgres.ts): the socket handlers only
// call the methods below.
import type { PGlite } from "@electric-sql/pglite";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Message types that open or continue an extended-query sequence, which only Sync ends. */
const SEQUENCE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((type) => type.charCodeAt(0)));
/** Message types that end one: Sync, and a simple Query (which carries its own). */
const SEQUENCE_ENDS = new Set(["S", "Q"].map((type) => type.charCodeAt(0)));

/** A frontend message: its type byte, then its length (itself included) and body. */
function frontendMessage(type: string, body: string): Uint8Array {
  const bytes = Buffer.alloc(5 + Buffer.byteLength(body));
  bytes.write(type, 0, "ascii");
  bytes.writeInt32BE(4 + Buffer.byteLength(body), 1);
  bytes.write(body, 5, "utf8");
  return bytes;
}
/**
 * What a real server does for a connection that goes away mid-query, done by hand for the shared
 * session: roll its unfinished work back, then Sync, which ends the sequence (and, after an error,
 * the skipping of everything up to a Sync). Left as it was, the next connection's Sync would commit
 * the departed one's half-run statements, or its query would be skipped without an answer.
 */
const ABANDON_SEQUENCE = [frontendMessage("Q", "ROLLBACK\0"), frontendMessage("S", "")];

export class SequenceAwareMessageQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  private lastHandlerId: number | null = null;
  /** the last connection served is between the first message of a sequence and its Sync */
  private midSequence = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  private next(): QueuedMessage | null {
    const heldBy = this.lastHandlerId !== null && (this.midSequence || this.db.isInTransaction()) ? this.lastHandlerId : null;
    if (heldBy === null) return this.queue.shift() ?? null;
    // Everyone else waits until that connection's next message arrives and finishes its sequence,
    // with no time limit, as for an open transaction: the app's drivers send a query's messages
    // and its Sync in one write, so the wait is for the rest of a packet, never for a person.
    const index = this.queue.findIndex((queued) => queued.handlerId === heldBy);
    return index === -1 ? null : this.queue.splice(index, 1)[0]!;
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let queued = this.next(); queued; queued = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(queued!.message, {
              onRawData: (data) => {
                bytes += data.length;
                queued!.onData(data);
              },
            }),
          );
        } catch (error) {
          queued.reject(error);
          continue;
        } finally {
          this.lastHandlerId = queued.handlerId;
          // Anything else (Terminate, COPY data) leaves the sequence as it was.
          const type = queued.message[0]!;
          if (SEQUENCE_MESSAGES.has(type)) this.midSequence = true;
          else if (SEQUENCE_ENDS.has(type)) this.midSequence = false;
        }
        queued.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its queued messages are dropped. */
  clearQueueForHandler(handlerId: number): void {
    for (let index = this.queue.length - 1; index >= 0; index -= 1) {
      if (this.queue[index]!.handlerId === handlerId) this.queue.splice(index, 1)[0]!.reject(new Error("Handler disconnected"));
    }
  }

  /** A connection went away: whatever it held open (a transaction, a sequence) is let go. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.lastHandlerId !== handlerId) return;
    if (this.midSequence) {
      await this.db.runExclusive(async () => {
        for (const message of ABANDON_SEQUENCE) await this.db.execProtocolRawStream(message, { onRawData: () => {} });
      });
    }
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.lastHandlerId = null;
    this.midSequence = false;
    await this.processQueue();
  }
}
