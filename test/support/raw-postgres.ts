// A PostgreSQL wire-protocol client that writes exactly the bytes it is told to, when it is told
// to: for tests of how a server copes with a query's messages arriving in pieces, which no driver
// lets one arrange (they send a query's messages in one write).
import net from "node:net";

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "ascii");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const text = (value: string) => Buffer.from(`${value}\0`, "utf8");
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(n);
  return bytes;
};

/** The extended-protocol messages of one query on the unnamed statement and portal, text values. */
export const wire = {
  parse: (sql: string) => message("P", Buffer.concat([text(""), text(sql), int16(0)])),
  bind: (values: string[]) =>
    message("B", Buffer.concat([text(""), text(""), int16(0), int16(values.length), ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]), int16(0)])),
  execute: () => message("E", Buffer.concat([text(""), int32(0)])),
  sync: () => message("S", Buffer.alloc(0)),
};

export interface RawConnection {
  write(bytes: Buffer): void;
  /** Resolves once the server has sent a message of this type (e.g. "1" ParseComplete, "Z" ReadyForQuery). */
  received(type: string): Promise<void>;
  /** The first column of every DataRow, and every error message, received so far. */
  rows(): string[];
  errors(): string[];
  close(): void;
}

export async function rawConnect(url: string): Promise<RawConnection> {
  const { hostname, port, username, pathname } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let buffer = Buffer.alloc(0);
  const types: string[] = [];
  const rows: string[] = [];
  const errors: string[] = [];
  const waiting: { type: string; resolve: () => void }[] = [];
  socket.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
      const type = String.fromCharCode(buffer[0]!);
      const body = buffer.subarray(5, 1 + buffer.readInt32BE(1));
      buffer = buffer.subarray(1 + buffer.readInt32BE(1));
      types.push(type);
      if (type === "D") rows.push(body.subarray(6, 6 + body.readInt32BE(2)).toString("utf8"));
      if (type === "E") errors.push(body.toString("utf8").split("\0").find((field) => field.startsWith("M"))?.slice(1) ?? "error");
      for (const waiter of waiting.filter((w) => w.type === type)) waiter.resolve();
    }
  });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const startup = Buffer.concat([int32(196608), text("user"), text(username || "postgres"), text("database"), text(pathname.slice(1) || "postgres"), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  const connection: RawConnection = {
    write: (bytes) => void socket.write(bytes),
    received: (type) => (types.includes(type) ? Promise.resolve() : new Promise((resolve) => waiting.push({ type, resolve }))),
    rows: () => [...rows],
    errors: () => [...errors],
    close: () => socket.destroy(),
  };
  await connection.received("Z");
  types.length = 0;
  return connection;
}
