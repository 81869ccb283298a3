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

/** Milliseconds of CPU the database side has used so far (0 where /proc is missing). */
export function databaseSideCpuMs(): number {
  let ticks = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      if (!isDatabaseSide(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
