// The embedded database announces itself in DATA_DIR/embedded-db.json, so the app server,
// `npm run db:migrate` and `npm run db:seed` reach the running instance instead of opening
// the same data directory twice (PGlite allows one process per directory).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { markSharedSession } from "@/lib/database-url";

export interface EmbeddedDbAnnouncement {
  pid: number;
  port: number;
  url: string;
}

const FILE_NAME = "embedded-db.json";

export function announcementPath(dataDir: string): string {
  return path.resolve(dataDir, FILE_NAME);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running embedded database's URL, or null when none is running. */
export function readLiveAnnouncement(dataDir: string): EmbeddedDbAnnouncement | null {
  try {
    const parsed = JSON.parse(readFileSync(announcementPath(dataDir), "utf8")) as EmbeddedDbAnnouncement;
    // Marked here too: an instance started by an earlier version announced its URL without it.
    return processIsAlive(parsed.pid) ? { ...parsed, url: markSharedSession(parsed.url) } : null;
  } catch {
    return null;
  }
}

export function writeAnnouncement(dataDir: string, announcement: EmbeddedDbAnnouncement): void {
  writeFileSync(announcementPath(dataDir), JSON.stringify(announcement) + "\n", { mode: 0o600 });
}

export function removeAnnouncement(dataDir: string, pid: number): void {
  const live = readLiveAnnouncement(dataDir);
  if (!live || live.pid === pid) rmSync(announcementPath(dataDir), { force: true });
}
