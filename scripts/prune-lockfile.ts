// npm run lock:prune — run after `npm install` changes package-lock.json.
//
// Why: the registry these machines reach serves only Linux builds of some platform-specific
// packages (@next/swc-*, @tailwindcss/oxide-*, @rollup/rollup-*, …). `npm install` then leaves
// the other platforms' optional dependencies out of the lock file but still lists them under
// their parent, and `npm ci` refuses the lock as "out of sync". Dropping the optional
// dependencies that have no entry in the lock makes it consistent again.
import { readFileSync, writeFileSync } from "node:fs";

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

const LOCK_FILE = "package-lock.json";
const lock = JSON.parse(readFileSync(LOCK_FILE, "utf8")) as { packages: Record<string, LockEntry> };
const present = new Set(Object.keys(lock.packages));

/** Node's lookup: <dir>/node_modules/<name>, then each enclosing node_modules up to the root. */
function isResolvable(fromPath: string, name: string): boolean {
  let dir = fromPath;
  for (;;) {
    if (present.has(`${dir ? `${dir}/` : ""}node_modules/${name}`)) return true;
    if (!dir) return false;
    const parent = dir.lastIndexOf("/node_modules/");
    dir = parent < 0 ? "" : dir.slice(0, parent);
  }
}

let pruned = 0;
for (const [entryPath, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (isResolvable(entryPath, name)) continue;
    delete entry.optionalDependencies[name];
    pruned += 1;
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(LOCK_FILE, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock:prune: dropped ${pruned} optional dependencies that this registry does not serve.`);
