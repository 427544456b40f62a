import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";

/** A binary from node_modules/.bin, run from the project root. */
export function bin(name: string): string {
  return path.resolve("node_modules", ".bin", name);
}

export function start(command: string, args: string[], envOverrides: Record<string, string | undefined> = {}): ChildProcess {
  // Telemetry would only try to reach the network, which these machines do not have.
  return spawn(command, args, { stdio: "inherit", env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: "1", ...envOverrides }) });
}

/** The production server (scripts/serve.ts) on `port`, as npm start and the benchmarks run it. */
export function serveProduction(port: number, envOverrides: Record<string, string | undefined>): ChildProcess {
  return start(bin("tsx"), ["scripts/serve.ts"], { ...envOverrides, PORT: String(port), NODE_ENV: "production" });
}

/** Runs to completion; resolves with the exit code (a signal counts as failure). */
export function run(command: string, args: string[], envOverrides: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, envOverrides);
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
