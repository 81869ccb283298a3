/** Starts `scripts/stack.ts` as a child process and waits for its READY line. */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { StackInfo } from "../stack.ts";

export type { StackInfo };

export interface StackHandle extends StackInfo {
  stop(): Promise<void>;
}

export async function startStack(
  mode: "dev" | "test",
  env: NodeJS.ProcessEnv = process.env,
): Promise<StackHandle> {
  const child = spawn(process.execPath, [new URL("../stack.ts", import.meta.url).pathname, "--mode", mode], {
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<StackInfo>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)) as StackInfo);
    });
    child.once("exit", (code) =>
      reject(new Error(`the local stack exited with code ${code} before it was ready`)),
    );
    child.once("error", reject);
  });
  return {
    ...info,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}
