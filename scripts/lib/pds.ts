/**
 * Starts the Bluesky peer (peers/bluesky/start.mjs: the reference PDS, an in-memory PLC directory and
 * the fake AppView the PDS proxies `app.bsky.*` to, on loopback) and waits for its READY line. It runs under the repository's Node 22 whatever node runs
 * this file, because the PDS and its native module are built for Node 22 (peers/bluesky/install.sh).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface PdsInfo {
  /** The PDS's origin, e.g. `http://127.0.0.1:41161`. */
  url: string;
  plcUrl: string;
  /** The fake AppView (test/fakes/appview): public reads, and its `/_fake` control API for tests. */
  appViewUrl: string;
  /** The DID the PDS names the AppView by (the audience of its service-auth tokens). */
  appViewDid: string;
  /** From spawning the peer to its READY line (ms): Node 22 booting, loading the PDS, both servers up. */
  startMs: number;
  /** This throwaway server's JWT secret: tests forge an expired access token with it. */
  jwtSecret: string;
  /** Sent as `x-ratelimit-bypass` by test helpers that set up accounts (the PDS's rate limits are on). */
  rateLimitBypassKey: string;
}

export interface PdsHandle extends PdsInfo {
  stop(): Promise<void>;
}

const READY_DEADLINE_MS = 60_000;
const peerDir = fileURLToPath(new URL("../../peers/bluesky/", import.meta.url));
const node22 = fileURLToPath(new URL("../../node_modules/node/bin/node", import.meta.url));

export async function startPds(): Promise<PdsHandle> {
  if (!existsSync(`${peerDir}node_modules/@atproto/pds`)) {
    throw new Error("the Bluesky peer is not installed: run `bash peers/bluesky/install.sh`");
  }
  // stdin stays a pipe: the peer exits when it closes, so it cannot outlive this process.
  const spawnedAt = performance.now();
  const child = spawn(node22, ["start.mjs"], { cwd: peerDir, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await new Promise<PdsInfo>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the Bluesky PDS was not ready within ${READY_DEADLINE_MS} ms`)),
        READY_DEADLINE_MS,
      );
      lines.on("line", (line) => {
        if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)) as PdsInfo);
      });
      child.once("exit", (code) =>
        reject(new Error(`the Bluesky PDS exited with code ${code} before it was ready`)),
      );
      child.once("error", reject);
    });
    return { ...info, startMs: Math.round(performance.now() - spawnedAt), stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function stopChild(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
