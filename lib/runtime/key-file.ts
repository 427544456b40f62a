// Keys generated once on first start and kept under the data directory, so a newcomer's
// `npm start` needs no configuration and restarts keep working sessions and readable secrets.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function loadOrCreateKeyFile(dataDir: string, fileName: string, bytes: number): Buffer {
  const file = path.resolve(dataDir, fileName);
  try {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== bytes) throw new Error(`${file} must hold ${bytes} bytes as base64; it holds ${key.length}.`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(bytes);
  try {
    // "wx": if another process created the file a moment ago, keep theirs.
    writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateKeyFile(dataDir, fileName, bytes);
    throw error;
  }
}
