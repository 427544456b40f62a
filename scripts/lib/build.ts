// `npm start` and `npm test` build only when the production build is missing or stale. Stale
// means: any file that goes into the build changed since the build was made (content hash).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bin, run } from "./run";

const BUILD_INPUT_DIRS = ["app", "components", "lib", "public"];
const BUILD_INPUT_FILES = [
  "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma",
];
const FINGERPRINT_FILE = path.join(".next", "gatehouse-build-fingerprint");

function isBuildInput(file: string): boolean {
  // Tests and generated code (a function of prisma/schema.prisma, already hashed) do not count.
  return !/\.test\.tsx?$/.test(file) && !file.startsWith(path.join("lib", "generated"));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function sourceFingerprint(): string {
  const files = [...BUILD_INPUT_DIRS.flatMap(listFiles), ...BUILD_INPUT_FILES.filter((file) => existsSync(file))]
    .filter(isBuildInput)
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIsCurrent(fingerprint: string): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint;
}

export async function ensureProductionBuild(): Promise<void> {
  const fingerprint = sourceFingerprint();
  if (buildIsCurrent(fingerprint)) {
    console.log("gatehouse: the production build is up to date.");
    return;
  }
  console.log("gatehouse: building (the build is missing or older than the sources)…");
  const code = await run(bin("next"), ["build"], { NODE_ENV: "production" });
  if (code !== 0) throw new Error(`next build failed (exit ${code}).`);
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
