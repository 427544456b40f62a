// CPU time per request, by process, read from /proc (Linux): where a benchmark's time goes. The
// ratio alone cannot say whether the app server or PostgreSQL is the limit; this can.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

export interface CpuSample {
  /** the `next start` process */
  server: number;
  /** every PostgreSQL process on this machine (the benchmark runs alone) */
  postgres: number;
  /** this process: the load generator */
  client: number;
}

/** Seconds of CPU (user + system) each group has used so far; zeros where /proc is missing. */
export function sampleCpu(): CpuSample {
  const sample: CpuSample = { server: 0, postgres: 0, client: 0 };
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return sample;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may contain spaces: split after its closing one.
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime, stime
    if (Number(pid) === process.pid) sample.client += seconds;
    else if (name.startsWith("next-server")) sample.server += seconds;
    else if (name === "postgres") sample.postgres += seconds;
  }
  return sample;
}

/** "server 540 µs, PostgreSQL 350 µs, load generator 60 µs" per request between two samples. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): string {
  const micros = (key: keyof CpuSample) => `${Math.max(0, Math.round(((after[key] - before[key]) / Math.max(1, requests)) * 1e6))} µs`;
  return `server ${micros("server")}, PostgreSQL ${micros("postgres")}, load generator ${micros("client")}`;
}
