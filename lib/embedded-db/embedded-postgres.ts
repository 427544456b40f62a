// PostgreSQL without a server install: PGlite (PostgreSQL compiled to WebAssembly) behind
// pglite-socket, which speaks the wire protocol on a loopback port and multiplexes several
// connections. The app then uses the same pg driver, Prisma adapter and SQL as with a real server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { markSharedSession } from "@/lib/database-url";
import { SequenceAwareMessageQueue } from "./message-queue";
import { readLiveAnnouncement, removeAnnouncement, writeAnnouncement } from "./runtime-file";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A directory to keep the data in, or "memory" for a throw-away database (tests). */
  storage: { dataDir: string } | "memory";
  port?: number;
  /** Announce in DATA_DIR/embedded-db.json so other commands can reach this instance. */
  announceIn?: string;
}

// Enough for the app's pool, a migration run and a test runner's workers side by side.
const MAX_CONNECTIONS = 50;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  if (options.storage !== "memory") {
    dataDir = path.resolve(options.storage.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: MAX_CONNECTIONS });
  // pglite-socket's own queue lets connections take turns in the middle of a query (message-queue.ts).
  // Every connection's handler takes the server's queue when it is accepted, so this is in place
  // for all of them.
  (server as unknown as { queryQueue: SequenceAwareMessageQueue }).queryQueue = new SequenceAwareMessageQueue(db);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  // Every connection to pglite-socket shares PGlite's one session, so a statement prepared on one
  // is visible to all: the mark tells the app not to prepare named statements (lib/database-url.ts).
  const url = markSharedSession(`postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`);
  if (options.announceIn) writeAnnouncement(options.announceIn, { pid: process.pid, port, url });

  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (options.announceIn) removeAnnouncement(options.announceIn, process.pid);
      await server.stop();
      await db.close();
    },
  };
}

/**
 * The database a command should use: DATABASE_URL when set; else the embedded instance that is
 * already running (npm start); else one started here for the life of this command, on `port`
 * (EMBEDDED_DB_PORT; 0 picks a free one).
 */
export async function connectOrStartEmbedded(databaseUrl: string | undefined, dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  const live = readLiveAnnouncement(dataDir);
  if (live) return { url: live.url, stop: async () => {} };
  return startEmbeddedPostgres({ storage: { dataDir: path.join(dataDir, "pgdata") }, port, announceIn: dataDir });
}
