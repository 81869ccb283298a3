/**
 * A CPU profile of the Worker under `wrangler dev`, through its DevTools inspector (the Chrome
 * DevTools Protocol's `Profiler` domain), and a summary of where the time went by function.
 */
import WebSocket from "ws";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds between samples, one per sample. */
  timeDeltas?: number[];
}

async function inspectorSocket(port: number): Promise<WebSocket> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{
    webSocketDebuggerUrl?: string;
  }>;
  const target = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!target) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return socket;
}

/** Runs `load` while the Worker's CPU is sampled; returns the profile. */
export async function profileWhile(port: number, load: () => Promise<unknown>): Promise<CpuProfile> {
  const socket = await inspectorSocket(port);
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: unknown;
        };
        if (message.id !== id) return;
        socket.off("message", onMessage);
        if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        else resolve(message.result ?? {});
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 100 });
    await call("Profiler.start");
    await load();
    const { profile } = (await call("Profiler.stop")) as { profile: CpuProfile };
    return profile;
  } finally {
    socket.close();
  }
}

/** Self time by function (name and place), largest first, as shares of all sampled time. */
export function selfTimeByFunction(profile: CpuProfile, top = 25): Array<{ fn: string; percent: number }> {
  const hits = new Map<number, number>();
  for (const sample of profile.samples ?? []) hits.set(sample, (hits.get(sample) ?? 0) + 1);
  const total = profile.samples?.length ?? 0;
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const place = url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${place}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0));
  }
  return [...byFunction.entries()]
    .map(([fn, count]) => ({ fn, percent: total ? (100 * count) / total : 0 }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, top);
}

/** The sampled time the isolate was busy (every sample but idle), in milliseconds. */
export function busyMilliseconds(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let micros = 0;
  for (const [i, sample] of (profile.samples ?? []).entries()) {
    if (!idle.has(sample)) micros += profile.timeDeltas?.[i] ?? 0;
  }
  return micros / 1000;
}
