/**
 * CPU time of the local database side (PostgreSQL and the stack process, which hosts the Neon proxy),
 * read from /proc (Linux). On these machines it shares the cores with the Worker, unlike Neon in
 * production, so `npm run bench` reports it beside the Worker's own CPU: a read's throughput ratio
 * to `/health` mixes the two.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function isDatabaseSide(cmdline: string): boolean {
  return cmdline.includes("postgres") || cmdline.includes("scripts/stack.ts");
}

/** CPU milliseconds used so far by each database-side process, by pid (empty where /proc is missing). */
export function databaseSideCpu(): Map<string, number> {
  const used = new Map<string, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return used;
  }
  for (const pid of pids) {
    try {
      if (!isDatabaseSide(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // the process ended meanwhile
    }
  }
  return used;
}

/**
 * What the database side spent between two readings: per process, so one that ended in between
 * (a PostgreSQL backend closing) takes nothing away; one that started counts from zero.
 */
export function cpuSpentBetween(before: Map<string, number>, after: Map<string, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += Math.max(0, ms - (before.get(pid) ?? 0));
  return spent;
}
